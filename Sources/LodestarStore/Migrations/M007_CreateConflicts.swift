import FluentKit

struct M007_CreateConflicts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("conflicts")
            .id()
            .field("person_a", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("person_b", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .unique(on: "person_a", "person_b")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("conflicts").delete()
    }
}
