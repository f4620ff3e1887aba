import FluentKit

struct M013_CreateWorkspace: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agreements")
            .id()
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("expectations", .string, .required)
            .field("goals", .string, .required)
            .field("time_frame", .string, .required)
            .field("cadence", .string, .required)
            .field("confidentiality", .string, .required)
            .field("ending", .string, .required)
            .field("edited_by", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("edited_at", .datetime, .required)
            .field("mentor_signed_at", .datetime)
            .field("mentee_signed_at", .datetime)
            .unique(on: "relationship_id", "version")
            .create()
        try await database.schema("notes")
            .id()
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("author", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("shared", .bool, .required)
            .field("text", .string, .required)
            .field("written_at", .datetime, .required)
            .create()
        try await database.schema("held_meetings")
            .id()
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("held_on", .datetime, .required)
            .field("minutes", .int, .required)
            .field("mode", .string, .required)
            .field("logged_by", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["held_meetings", "notes", "agreements"] { try await database.schema(table).delete() }
    }
}
