import FluentKit
import SQLKit

/// Each participant's pulse on a held meeting: a rating, a comment and whether its author shares
/// it with the programme's managers, and the fit check's answer where it was asked; one per person and meeting.
struct M030_CreateMeetingPulses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("meeting_pulses")
            .field("meeting_id", .uuid, .required, .references("held_meetings", "id", onDelete: .cascade))
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("rating", .int, .required)
            .field("comment", .string, .required)
            .field("comment_shared", .bool, .required)
            .field("fit", .string)
            .field("given_at", .datetime, .required)
            .compositeIdentifier(over: "meeting_id", "person_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX meeting_pulses_by_relationship ON meeting_pulses (relationship_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("meeting_pulses").delete()
    }
}
