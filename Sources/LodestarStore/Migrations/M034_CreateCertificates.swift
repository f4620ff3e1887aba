import FluentKit
import SQLKit

/// Certificates of completion (M16): one per person and cycle, found by its code.
struct M034_CreateCertificates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("certificates")
            .field("code", .string, .identifier(auto: false))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("issued_at", .datetime, .required)
            .unique(on: "person_id", "cycle_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("certificates").delete()
    }
}
