import FluentKit
import SQLKit

/// Kudos between participants and the success stories pairs tell (M16).
struct M036_CreateKudosAndStories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("kudos")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .field("from_person", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("to_person", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("message", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("shown", .bool, .required)
            .create()
        try await database.schema("success_stories")
            .id()
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("written_by", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("written_at", .datetime, .required)
            .field("approvals", .string, .required)
            .field("featured_at", .datetime)
            .unique(on: "relationship_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX kudos_by_recipient ON kudos (to_person, sent_at)").run()
        try await sql.raw("CREATE INDEX kudos_by_sender ON kudos (from_person, sent_at)").run()
        try await sql.raw("CREATE INDEX kudos_shown ON kudos (programme_id, shown, sent_at)").run()
        try await sql.raw("CREATE INDEX stories_by_programme ON success_stories (programme_id, featured_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("success_stories").delete()
        try await database.schema("kudos").delete()
    }
}
