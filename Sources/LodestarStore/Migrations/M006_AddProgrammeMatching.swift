import FluentKit

/// Programmes keep their own matching settings (weights, level gap, overlap, rotation).
struct M006_AddProgrammeMatching: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programmes").field("matching", .json).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programmes").deleteField("matching").update()
    }
}
