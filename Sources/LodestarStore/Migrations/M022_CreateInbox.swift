import FluentKit
import SQLKit

/// Each message sent is also in its recipient's inbox: when they read it, and an index to find
/// a person's messages (recipients are kept in lower case, as accounts' emails are).
struct M022_CreateInbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notices").field("read_at", .datetime).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("UPDATE notices SET recipient = LOWER(recipient)").run()
        try await sql.raw("CREATE INDEX notices_inbox ON notices (recipient, read_at)").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP INDEX notices_inbox").run() }
        try await database.schema("notices").deleteField("read_at").update()
    }
}
