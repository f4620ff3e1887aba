import FluentKit

/// High potentials for succession planning: who is flagged, by whom and when.
struct M040_CreateHighPotentials: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("high_potentials")
            .field("person_id", .uuid, .identifier(auto: false), .references("people", "id", onDelete: .cascade))
            .field("flagged_by", .string, .required)
            .field("flagged_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("high_potentials").delete()
    }
}
