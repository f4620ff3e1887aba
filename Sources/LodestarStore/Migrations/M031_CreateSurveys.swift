import FluentKit
import SQLKit

/// Surveys (M13): a programme's templates (their questions one JSON document), the surveys
/// scheduled in cycles, one response per person and survey (answers one JSON document), and
/// the messages sent about each survey to each person, whose key makes each go out once.
struct M031_CreateSurveys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("survey_templates")
            .field("id", .uuid, .identifier(auto: false))
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("moment", .string, .required)
            .field("audience", .string, .required)
            .field("questions", .string, .required)
            .field("added_by", .string, .required)
            .field("added_at", .datetime, .required)
            .create()
        try await database.schema("surveys")
            .field("id", .uuid, .identifier(auto: false))
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("template_id", .uuid, .required, .references("survey_templates", "id", onDelete: .cascade))
            .field("anchor", .string, .required)
            .field("days", .int, .required)
            .field("open_days", .int, .required)
            .field("added_by", .string, .required)
            .field("added_at", .datetime, .required)
            .create()
        try await database.schema("survey_responses")
            .field("survey_id", .uuid, .required, .references("surveys", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("answers", .string, .required)
            .field("named", .bool, .required)
            .field("submitted_at", .datetime, .required)
            .compositeIdentifier(over: "survey_id", "person_id")
            .create()
        try await database.schema("survey_notices")
            .field("survey_id", .uuid, .required, .references("surveys", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("sent_at", .datetime, .required)
            .compositeIdentifier(over: "survey_id", "person_id", "kind")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX survey_templates_by_programme ON survey_templates (programme_id)").run()
        try await sql.raw("CREATE INDEX surveys_by_cycle ON surveys (cycle_id)").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["survey_notices", "survey_responses", "surveys", "survey_templates"] { try await database.schema(table).delete() }
    }
}
