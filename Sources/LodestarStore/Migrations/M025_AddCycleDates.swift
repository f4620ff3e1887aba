import FluentKit

/// A cycle's calendar beside the day it starts: when applications close, the day of matching,
/// the day its relationships end.
struct M025_AddCycleDates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        try await database.schema("cycles").field("applications_close_on", .datetime).update()
        try await database.schema("cycles").field("matching_on", .datetime).update()
        try await database.schema("cycles").field("ends_on", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cycles").deleteField("ends_on").update()
        try await database.schema("cycles").deleteField("matching_on").update()
        try await database.schema("cycles").deleteField("applications_close_on").update()
    }
}
