import FluentKit
import SQLKit

/// The readiness check: every answer a programme was given (the newest per question counts,
/// the rest is its history), and the organisation's settings, where admins keep the threshold.
struct M023_CreateReadiness: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("readiness_answers")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .field("question", .string, .required)
            .field("level", .string, .required)
            .field("note", .string, .required)
            .field("answered_by", .string, .required)
            .field("answered_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE TABLE organisation_settings (name VARCHAR(100) PRIMARY KEY, value TEXT NOT NULL)").run()
        try await sql.raw("CREATE INDEX readiness_answers_by_programme ON readiness_answers (programme_id, answered_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisation_settings").delete()
        try await database.schema("readiness_answers").delete()
    }
}
