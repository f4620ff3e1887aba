import FluentKit
import SQLKit

/// Competency assessments (M13): one row per rater, mentee, cycle and moment, the ratings one
/// JSON object by competency slug.
struct M032_CreateCompetencyAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("competency_assessments")
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("mentee_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("rater_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("perspective", .string, .required)
            .field("moment", .string, .required)
            .field("ratings", .string, .required)
            .field("note", .string, .required)
            .field("given_at", .datetime, .required)
            .compositeIdentifier(over: "cycle_id", "mentee_id", "rater_id", "moment")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("competency_assessments").delete()
    }
}
