import FluentKit

struct M005_CreateEnrolments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("enrolments")
            .id()
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("profile", .json, .required)
            .unique(on: "cycle_id", "person_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("enrolments").delete()
    }
}
