import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func milestones(ofAny relationships: [Relationship.ID]) async throws -> [Milestone] {
        guard !relationships.isEmpty else { return [] }
        return try await rows("SELECT * FROM milestones WHERE relationship_id IN (\(binds: relationships.map(\.uuid)))", milestone)
    }

    public func milestones(of person: Person.ID) async throws -> [Milestone] {
        try await rows("SELECT * FROM milestones WHERE person_id = \(bind: person.uuid) ORDER BY awarded_at DESC, kind", milestone)
    }

    public func claim(_ milestone: Milestone) async throws -> Bool {
        try await claim("""
            INSERT INTO milestones (person_id, relationship_id, kind, awarded_at)
            VALUES (\(bind: milestone.personID.uuid), \(bind: milestone.relationshipID.uuid), \(bind: milestone.kind.rawValue), \(bind: milestone.awardedAt))
            ON CONFLICT (person_id, relationship_id, kind) DO NOTHING RETURNING kind
            """)
    }

    private func milestone(_ row: any SQLRow) throws -> Milestone {
        Milestone(personID: Person.ID(try row.uuid("person_id")),
                  relationshipID: Relationship.ID(try row.uuid("relationship_id")),
                  kind: try StoredValue.decode(try row.decode(column: "kind", as: String.self), as: MilestoneKind.self, column: "milestones.kind"),
                  awardedAt: try row.decode(column: "awarded_at", as: Date.self))
    }
}

extension FluentStore {
    public func certificates(of person: Person.ID) async throws -> [Certificate] {
        try await rows("SELECT * FROM certificates WHERE person_id = \(bind: person.uuid) ORDER BY issued_at", certificate)
    }

    public func certificate(code: String) async throws -> Certificate? {
        try await rows("SELECT * FROM certificates WHERE code = \(bind: code)", certificate).first
    }

    public func save(_ certificate: Certificate) async throws {
        try await sql.raw("""
            INSERT INTO certificates (code, person_id, cycle_id, role, issued_at)
            VALUES (\(bind: certificate.code), \(bind: certificate.personID.uuid), \(bind: certificate.cycleID.uuid), \(bind: certificate.role.rawValue), \(bind: certificate.issuedAt))
            ON CONFLICT (person_id, cycle_id) DO NOTHING
            """).run()
    }

    private func certificate(_ row: any SQLRow) throws -> Certificate {
        Certificate(code: try row.decode(column: "code", as: String.self), personID: Person.ID(try row.uuid("person_id")),
                    cycleID: Cycle.ID(try row.uuid("cycle_id")),
                    role: try StoredValue.decode(try row.decode(column: "role", as: String.self), as: EnrolmentRole.self, column: "certificates.role"),
                    issuedAt: try row.decode(column: "issued_at", as: Date.self))
    }
}
