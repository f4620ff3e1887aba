import FluentKit
import SQLKit

/// CSV files uploaded in the browser, kept until their uploader confirms them (then the record
/// of what the import did) or a day has passed.
struct M024_CreateImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("imports")
            .id()
            .field("kind", .string, .required)
            .field("cycle_id", .uuid, .references("cycles", "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("uploader", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .field("text", .string, .required)
            .field("created", .int)
            .field("updated", .int)
            .field("unchanged", .int)
            .field("confirmed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("imports").delete()
    }
}
