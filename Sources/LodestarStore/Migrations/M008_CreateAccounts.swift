import FluentKit

struct M008_CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .id()
            .field("email", .string, .required)
            .field("person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("password_hash", .string)
            .field("is_admin", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema("programme_managers")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .unique(on: "account_id", "programme_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programme_managers").delete()
        try await database.schema("accounts").delete()
    }
}
