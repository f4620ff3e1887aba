import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func save(_ kudos: Kudos) async throws {
        try await sql.raw("""
            INSERT INTO kudos (id, programme_id, from_person, to_person, message, sent_at, shown)
            VALUES (\(bind: kudos.id.uuid), \(bind: kudos.programmeID.uuid), \(bind: kudos.from.uuid), \(bind: kudos.to.uuid), \(bind: kudos.message),
                    \(bind: kudos.sentAt), \(bind: kudos.shown))
            """).run()
    }

    public func kudos(_ id: Kudos.ID) async throws -> Kudos? {
        try await rows("SELECT * FROM kudos WHERE id = \(bind: id.uuid)", kudos).first
    }

    public func kudos(to person: Person.ID, limit: Int) async throws -> [Kudos] {
        try await rows("SELECT * FROM kudos WHERE to_person = \(bind: person.uuid) ORDER BY sent_at DESC LIMIT \(literal: max(0, limit))", kudos)
    }

    public func shownKudos(in programme: Programme.ID, limit: Int) async throws -> [Kudos] {
        try await rows("""
            SELECT * FROM kudos WHERE programme_id = \(bind: programme.uuid) AND shown = \(bind: true) ORDER BY sent_at DESC LIMIT \(literal: max(0, limit))
            """, kudos)
    }

    public func kudosCount(from person: Person.ID, since: Date) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM kudos WHERE from_person = \(bind: person.uuid) AND sent_at >= \(bind: since)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    public func setShown(_ id: Kudos.ID, _ shown: Bool) async throws {
        try await sql.raw("UPDATE kudos SET shown = \(bind: shown) WHERE id = \(bind: id.uuid)").run()
    }

    public func participants(of programme: Programme.ID, named name: String, limit: Int) async throws -> [Person] {
        let pattern = "%" + Self.likeEscaped(name.lowercased()) + "%"
        return try await rows("""
            SELECT \(unsafeRaw: Person.select()) FROM people WHERE people.name_key LIKE \(bind: pattern) ESCAPE '\\' AND people.id IN
              (SELECT enrolments.person_id FROM enrolments JOIN cycles ON cycles.id = enrolments.cycle_id WHERE cycles.programme_id = \(bind: programme.uuid))
            ORDER BY people.name, people.external_id LIMIT \(literal: max(0, limit))
            """) { try Person(RowColumns(row: $0, prefix: "p_")) }
    }

    private func kudos(_ row: any SQLRow) throws -> Kudos {
        Kudos(id: Kudos.ID(try row.uuid("id")), programmeID: Programme.ID(try row.uuid("programme_id")),
              from: Person.ID(try row.uuid("from_person")), to: Person.ID(try row.uuid("to_person")),
              message: try row.decode(column: "message", as: String.self), sentAt: try row.decode(column: "sent_at", as: Date.self),
              shown: try row.decode(column: "shown", as: Bool.self))
    }
}

extension FluentStore {
    public func save(_ story: SuccessStory) async throws {
        let approvals = try StoredValue.json(Dictionary(story.approvals.map { ($0.key.description, $0.value.timeIntervalSince1970) }, uniquingKeysWith: { first, _ in first }))
        try await sql.raw("""
            INSERT INTO success_stories (id, relationship_id, programme_id, version, title, text, written_by, written_at, approvals, featured_at)
            VALUES (\(bind: story.id.uuid), \(bind: story.relationshipID.uuid), \(bind: story.programmeID.uuid), \(bind: story.version), \(bind: story.title),
                    \(bind: story.text), \(bind: story.writtenBy.uuid), \(bind: story.writtenAt), \(bind: approvals), \(bind: story.featuredAt))
            ON CONFLICT (relationship_id) DO UPDATE SET version = excluded.version, title = excluded.title, text = excluded.text,
            written_by = excluded.written_by, written_at = excluded.written_at, approvals = excluded.approvals, featured_at = excluded.featured_at
            """).run()
    }

    public func story(of relationship: Relationship.ID) async throws -> SuccessStory? {
        try await rows("SELECT * FROM success_stories WHERE relationship_id = \(bind: relationship.uuid)", story).first
    }

    public func story(_ id: SuccessStory.ID) async throws -> SuccessStory? {
        try await rows("SELECT * FROM success_stories WHERE id = \(bind: id.uuid)", story).first
    }

    public func stories(in programme: Programme.ID, featuredOnly: Bool) async throws -> [SuccessStory] {
        let featured: SQLQueryString = featuredOnly ? " AND featured_at IS NOT NULL" : ""
        return try await rows("SELECT * FROM success_stories WHERE programme_id = \(bind: programme.uuid)" + featured + " ORDER BY written_at DESC", story)
    }

    private func story(_ row: any SQLRow) throws -> SuccessStory {
        let approvals = try StoredValue.decodeJSON(try row.decode(column: "approvals", as: String.self), as: [String: Double].self, column: "success_stories.approvals")
        return SuccessStory(
            id: SuccessStory.ID(try row.uuid("id")), relationshipID: Relationship.ID(try row.uuid("relationship_id")),
            programmeID: Programme.ID(try row.uuid("programme_id")), version: try row.decode(column: "version", as: Int.self),
            title: try row.decode(column: "title", as: String.self), text: try row.decode(column: "text", as: String.self),
            writtenBy: Person.ID(try row.uuid("written_by")), writtenAt: try row.decode(column: "written_at", as: Date.self),
            approvals: Dictionary(approvals.compactMap { key, seconds in Person.ID(key).map { ($0, Date(timeIntervalSince1970: seconds)) } }, uniquingKeysWith: { first, _ in first }),
            featuredAt: try row.decode(column: "featured_at", as: Date?.self))
    }
}
