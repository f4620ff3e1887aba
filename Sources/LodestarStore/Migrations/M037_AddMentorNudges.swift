import FluentKit

/// When a mentor was last nudged about a relationship without meetings, and about a request
/// waiting for their answer: each nudge claimed once, whichever server runs the job.
struct M037_AddMentorNudges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("relationships").field("mentor_nudged_at", .datetime).update()
        try await database.schema("mentor_requests").field("nudged_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mentor_requests").deleteField("nudged_at").update()
        try await database.schema("relationships").deleteField("mentor_nudged_at").update()
    }
}
