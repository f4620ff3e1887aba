import FluentKit
import SQLKit

/// Applications to take part in a cycle: one per person and role, with the profile the person
/// applied with (JSON text, read and written whole) and who invited and decided, and when.
struct M028_CreateApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications")
            .id()
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("state", .string, .required)
            .field("profile", .string)
            .field("motivation", .string, .required)
            .field("invited_by", .string, .required)
            .field("invited_at", .datetime, .required)
            .field("applied_at", .datetime)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .unique(on: "cycle_id", "person_id", "role")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX applications_by_person ON applications (person_id, invited_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").delete()
    }
}
