import FluentKit

struct M004_CreateCycles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cycles")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("name", .string, .required)
            .field("state", .string, .required)
            .field("starts_on", .date)
            .unique(on: "programme_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cycles").delete()
    }
}
