import FluentKit
import SQLKit

/// A goal can be achieved or dropped with a note (the needs of the mentee may evolve); versions
/// written before are open.
struct M035_AddGoalStates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        try await database.schema("goal_versions").field("state", .string, .required, .sql(.default("open"))).update()
        try await database.schema("goal_versions").field("state_note", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("goal_versions").deleteField("state_note").update()
        try await database.schema("goal_versions").deleteField("state").update()
    }
}
