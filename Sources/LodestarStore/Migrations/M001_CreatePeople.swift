import FluentKit

struct M001_CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("people")
            .id()
            .field("external_id", .string, .required)
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("email", .string, .required)
            .field("title", .string, .required)
            .field("level", .int, .required)
            .field("department", .string, .required)
            .field("manager_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("location", .string, .required)
            .field("time_zone", .string, .required)
            .field("languages", .array(of: .string), .required)
            .field("gender", .string, .required)
            .field("ethnicity", .string, .required)
            .field("age_band", .string, .required)
            .field("disability", .string, .required)
            .unique(on: "external_id")
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("people").delete()
    }
}
