import FluentKit
import Foundation
import SQLKit

/// Arranged meetings, calendar feeds, the nudge mark on relationships, and one open relationship
/// per mentee and cycle (an ended one no longer blocks re-matching the mentee).
struct M015_CreateMeetingsAndFeeds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("scheduled_meetings")
            .id()
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("starts_at", .datetime, .required)
            .field("minutes", .int, .required)
            .field("mode", .string, .required)
            .field("place", .string, .required)
            .field("time_zone", .string, .required)
            .field("sequence", .int, .required)
            .field("cancelled", .bool, .required)
            .field("arranged_by", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("changed_at", .datetime, .required)
            .field("reminded_at", .datetime)
            .create()
        try await database.schema("calendar_feeds")
            .field("account_id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
            .field("digest", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "digest")
            .create()
        try await database.schema("relationships").field("nudged_at", .datetime).update()
        try await openRelationshipPerMentee(database)
    }

    /// Replaces the unique (cycle, mentee) constraint with a unique index over open relationships.
    private func openRelationshipPerMentee(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            // SQLite can't drop a constraint: the table is rebuilt without it (its documented
            // procedure). The migrator runs every migration in a transaction with foreign keys
            // off and checks them before committing, so the rows that refer to it stay.
            let created = try await sql.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'relationships'").first()?
                .decode(column: "sql", as: String.self) ?? ""
            if let constraint = created.range(of: #",\s*CONSTRAINT "[^"]*" UNIQUE \("cycle_id", ?"mentee_enrolment"\)"#, options: .regularExpression) {
                var rebuilt = created
                rebuilt.removeSubrange(constraint)
                rebuilt = rebuilt.replacingOccurrences(of: #"CREATE TABLE "relationships""#, with: #"CREATE TABLE "relationships_rebuilt""#)
                try await sql.raw(SQLQueryString(rebuilt)).run()
                try await sql.raw("INSERT INTO relationships_rebuilt SELECT * FROM relationships").run()
                try await sql.raw("DROP TABLE relationships").run()
                try await sql.raw("ALTER TABLE relationships_rebuilt RENAME TO relationships").run()
            }
        } else {
            try await database.schema("relationships").deleteUnique(on: "cycle_id", "mentee_enrolment").update()
        }
        try await sql.raw("CREATE UNIQUE INDEX relationships_open_mentee ON relationships (cycle_id, mentee_enrolment) WHERE ended_at IS NULL").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP INDEX relationships_open_mentee").run() }
        try await database.schema("relationships").deleteField("nudged_at").update()
        for table in ["calendar_feeds", "scheduled_meetings"] { try await database.schema(table).delete() }
    }
}
