import FluentKit

struct M017_CreateSpeedEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("speed_events")
            .id()
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("starts_at", .datetime, .required)
            .field("rounds", .int, .required)
            .field("minutes", .int, .required)
            .field("pause", .int, .required)
            .field("place", .string, .required)
            .field("time_zone", .string, .required)
            .field("seats", .json, .required)
            .field("planned_at", .datetime, .required)
            .unique(on: "cycle_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("speed_events").delete()
    }
}
