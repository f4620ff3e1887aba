import FluentKit

struct M009_CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .id()
            .field("token_digest", .string, .required)
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_digest")
            .create()
        try await database.schema("sign_in_failures")
            .id()
            .field("key", .string, .required)
            .field("count", .int, .required)
            .field("first_at", .datetime, .required)
            .field("locked_until", .datetime)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_failures").delete()
        try await database.schema("sessions").delete()
    }
}
