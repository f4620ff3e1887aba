import FluentKit

struct M016_CreateMentorRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mentor_requests")
            .id()
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("mentee_enrolment", .uuid, .required, .references("enrolments", "id", onDelete: .cascade))
            .field("mentor_enrolment", .uuid, .required, .references("enrolments", "id", onDelete: .cascade))
            .field("rank", .int, .required)
            .field("state", .string, .required)
            .field("sent_at", .datetime)
            .field("expires_at", .datetime)
            .field("answered_at", .datetime)
            .field("reason", .string)
            // A mentee asks a mentor once per cycle.
            .unique(on: "mentee_enrolment", "mentor_enrolment")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mentor_requests").delete()
    }
}
