import FluentKit
import SQLKit

/// Who appointed each programme manager and declared each conflict, and when; and the record
/// of every such change, removals included. Rows from before stay without (shown as such).
struct M021_RecordAdministration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        try await database.schema("programme_managers").field("appointed_by", .string).update()
        try await database.schema("programme_managers").field("appointed_at", .datetime).update()
        try await database.schema("conflicts").field("declared_by", .string).update()
        try await database.schema("conflicts").field("declared_at", .datetime).update()
        try await database.schema("administrative_changes")
            .id()
            .field("kind", .string, .required)
            .field("programme_id", .uuid, .references("programmes", "id", onDelete: .cascade))
            .field("subject", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX administrative_changes_by_programme ON administrative_changes (programme_id, changed_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("administrative_changes").delete()
        try await database.schema("conflicts").deleteField("declared_at").update()
        try await database.schema("conflicts").deleteField("declared_by").update()
        try await database.schema("programme_managers").deleteField("appointed_at").update()
        try await database.schema("programme_managers").deleteField("appointed_by").update()
    }
}
