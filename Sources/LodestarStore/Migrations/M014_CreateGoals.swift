import FluentKit

struct M014_CreateGoals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("goal_versions")
            .id()
            .field("goal_id", .uuid, .required)
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("measure", .string, .required)
            .field("competency", .string)
            .field("due", .datetime, .required)
            .field("progress", .int, .required)
            .field("actions", .json, .required)
            .field("edited_by", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("edited_at", .datetime, .required)
            .unique(on: "goal_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("goal_versions").delete()
    }
}
