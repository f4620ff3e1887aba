import FluentKit
import SQLKit

/// The library (resources tagged by competency and audience, `;`-separated), the training
/// modules programmes assign per role (a quiz as JSON text), and who completed which module.
/// A completion or a module changes which mentors a plan may use, so both move the planning revision.
struct M029_CreateTraining: AsyncMigration {
    static let tracked = ["training_modules", "training_completions"]

    func prepare(on database: any Database) async throws {
        try await database.schema("resources")
            .id()
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("link", .string)
            .field("competencies", .string, .required)
            .field("audience", .string, .required)
            .field("added_by", .string, .required)
            .field("added_at", .datetime, .required)
            .create()
        try await database.schema("training_modules")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .field("resource_id", .uuid, .required, .references("resources", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("title", .string, .required)
            .field("questions", .string, .required)
            .field("added_by", .string, .required)
            .field("added_at", .datetime, .required)
            .create()
        try await database.schema("training_completions")
            .field("module_id", .uuid, .required, .references("training_modules", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("completed_at", .datetime, .required)
            .compositeIdentifier(over: "module_id", "person_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX training_modules_by_programme ON training_modules (programme_id, role)").run()
        try await sql.raw("CREATE INDEX training_completions_by_person ON training_completions (person_id)").run()
        try await M019_CreatePlanningRevision.counter.track(Self.tracked, on: sql)
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await M019_CreatePlanningRevision.counter.untrack(Self.tracked, on: sql) }
        try await database.schema("training_completions").delete()
        try await database.schema("training_modules").delete()
        try await database.schema("resources").delete()
    }
}
