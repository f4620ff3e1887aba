import FluentKit
import SQLKit

/// The programme a message is about, so its managers read the messages their programme sent.
/// Messages from before stay without one (they show in the admins' outbox only).
struct M027_AddNoticeProgramme: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notices").field("programme_id", .uuid, .references("programmes", "id", onDelete: .setNull)).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX notices_by_programme ON notices (programme_id, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP INDEX notices_by_programme").run() }
        try await database.schema("notices").deleteField("programme_id").update()
    }
}
