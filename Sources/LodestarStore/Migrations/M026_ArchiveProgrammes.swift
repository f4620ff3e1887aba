import FluentKit

/// When a programme was archived: kept for the record, off the home page, changed no more.
struct M026_ArchiveProgrammes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programmes").field("archived_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programmes").deleteField("archived_at").update()
    }
}
