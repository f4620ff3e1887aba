import FluentKit
import SQLKit

/// Milestones (M16): one row per person, relationship and kind, whose key makes each award once.
struct M033_CreateMilestones: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("milestones")
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("awarded_at", .datetime, .required)
            .compositeIdentifier(over: "person_id", "relationship_id", "kind")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX milestones_by_relationship ON milestones (relationship_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("milestones").delete()
    }
}
