import FluentKit
import SQLKit

struct M020_CreateWebhooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_endpoints")
            .id()
            .field("url", .string, .required)
            // The subscribed event kinds, comma-separated.
            .field("events", .string, .required)
            .field("secret", .string, .required)
            .field("description", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("webhook_deliveries")
            .id()
            .field("endpoint_id", .uuid, .required, .references("webhook_endpoints", "id", onDelete: .cascade))
            .field("event_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("delivered_at", .datetime)
            .field("last_attempt_at", .datetime)
            .field("last_status", .int)
            .field("last_error", .string)
            .field("claimed_until", .datetime)
            // Each event once per endpoint, whatever happens.
            .unique(on: "endpoint_id", "event_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)").run()
        try await sql.raw("CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_deliveries").delete()
        try await database.schema("webhook_endpoints").delete()
    }
}
