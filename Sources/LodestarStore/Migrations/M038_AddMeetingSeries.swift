import FluentKit

/// Arranged meetings in a series (its id and each occurrence's start in it, for `RECURRENCE-ID`)
/// and the held meeting an arranged one was confirmed as.
struct M038_AddMeetingSeries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        try await database.schema("scheduled_meetings").field("series_id", .uuid).update()
        try await database.schema("scheduled_meetings").field("series_occurrence", .datetime).update()
        try await database.schema("scheduled_meetings").field("held_meeting_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        for field: FieldKey in ["held_meeting_id", "series_occurrence", "series_id"] { try await database.schema("scheduled_meetings").deleteField(field).update() }
    }
}
