import FluentKit

/// What a matching priority did to a cycle's published plan, kept with the cycle for its fairness audit.
struct M041_AddPriorityEffect: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cycles").field("priority_effect", .json).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cycles").deleteField("priority_effect").update()
    }
}
