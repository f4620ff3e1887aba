import FluentKit

struct M011_CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notices")
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .field("claimed_until", .datetime)
            .create()
        try await database.schema("one_time_links")
            .id()
            .field("digest", .string, .required)
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "digest")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("one_time_links").delete()
        try await database.schema("notices").delete()
    }
}
