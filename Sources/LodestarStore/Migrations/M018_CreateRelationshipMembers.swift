import FluentKit
import Foundation
import SQLKit

/// Groups and circles: a relationship's mentees move to their own table (one row each, so a
/// group holds several), the one-open-relationship-per-mentee index moves with them, and an
/// agreement's signatures become one list (everyone in a group signs).
struct M018_CreateRelationshipMembers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("relationship_members")
            .id()
            .field("relationship_id", .uuid, .required, .references("relationships", "id", onDelete: .cascade))
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("mentee_enrolment", .uuid, .required, .references("enrolments", "id", onDelete: .cascade))
            .field("mentee_person", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("left_at", .datetime)
            .field("leave_reason", .string)
            // Set when the member leaves or the relationship ends: from then on they may be matched again.
            .field("closed_at", .datetime)
            .create()
        try await database.schema("agreements").field("signatures", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        // The relationships' own mentee columns keep the first member (they are required), and
        // the rows already there become each one's first member, closed if it ended.
        try await sql.raw("""
            INSERT INTO relationship_members (id, relationship_id, cycle_id, mentee_enrolment, mentee_person, position, closed_at)
            SELECT id, id, cycle_id, mentee_enrolment, mentee_person, 0, ended_at FROM relationships
            """).run()
        try await sql.raw("DROP INDEX relationships_open_mentee").run()
        try await sql.raw("CREATE UNIQUE INDEX relationship_members_open ON relationship_members (cycle_id, mentee_enrolment) WHERE closed_at IS NULL").run()
        try await sql.raw("CREATE INDEX relationship_members_person ON relationship_members (mentee_person)").run()
        try await moveSignatures(sql)
    }

    /// The mentor's and mentee's signature columns become one list by person.
    private func moveSignatures(_ sql: any SQLDatabase) async throws {
        struct Row: Decodable {
            let id: UUID
            let mentor_signed_at: Date?
            let mentee_signed_at: Date?
            let mentor_person: UUID
            let mentee_person: UUID
        }
        let rows = try await sql.raw("""
            SELECT agreements.id, agreements.mentor_signed_at, agreements.mentee_signed_at, relationships.mentor_person, relationships.mentee_person
            FROM agreements JOIN relationships ON relationships.id = agreements.relationship_id
            WHERE agreements.mentor_signed_at IS NOT NULL OR agreements.mentee_signed_at IS NOT NULL
            """).all(decoding: Row.self)
        for row in rows {
            var signatures: [UUID: Date] = [:]
            signatures[row.mentor_person] = row.mentor_signed_at
            signatures[row.mentee_person] = row.mentee_signed_at
            try await sql.raw("UPDATE agreements SET signatures = \(bind: AgreementSignatures.encode(signatures)) WHERE id = \(bind: row.id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE UNIQUE INDEX relationships_open_mentee ON relationships (cycle_id, mentee_enrolment) WHERE ended_at IS NULL").run()
        }
        try await database.schema("agreements").deleteField("signatures").update()
        try await database.schema("relationship_members").delete()
    }
}
