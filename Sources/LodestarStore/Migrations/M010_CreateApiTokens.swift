import FluentKit

struct M010_CreateApiTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("name", .string, .required)
            .field("digest", .string, .required)
            .field("scope", .string, .required)
            .field("created_by", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "digest")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
    }
}
