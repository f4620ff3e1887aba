import FluentKit
import SQLKit

/// The HR outcomes imported for outcome lift: a record per person, and each import's author.
struct M039_CreateEmploymentOutcomes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("employment_outcomes")
            .field("person_id", .uuid, .identifier(auto: false), .references("people", "id", onDelete: .cascade))
            .field("hired_on", .datetime)
            .field("left_on", .datetime)
            .field("promoted_on", .datetime)
            .field("rating", .int)
            .field("imported_by", .string, .required)
            .field("imported_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX employment_outcomes_by_import ON employment_outcomes (imported_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("employment_outcomes").delete()
    }
}
