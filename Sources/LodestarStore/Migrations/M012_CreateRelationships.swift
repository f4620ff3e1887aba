import FluentKit

struct M012_CreateRelationships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("relationships")
            .id()
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("mentor_enrolment", .uuid, .required, .references("enrolments", "id", onDelete: .cascade))
            .field("mentee_enrolment", .uuid, .required, .references("enrolments", "id", onDelete: .cascade))
            .field("mentor_person", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("mentee_person", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("score", .double, .required)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("end_reason", .string)
            // One mentee, one mentor per cycle: a second publication can't add the pairs again.
            .unique(on: "cycle_id", "mentee_enrolment")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("relationships").delete()
    }
}
