import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func relationships(in cycle: Cycle.ID) async throws -> [Relationship] {
        try await relationships(where: "relationships.cycle_id = \(bind: cycle.uuid)")
    }

    public func relationships(ofProgramme programme: Programme.ID) async throws -> [Relationship] {
        try await relationships(where: "relationships.cycle_id IN (SELECT id FROM cycles WHERE programme_id = \(bind: programme.uuid))")
    }

    public func relationships(of person: Person.ID) async throws -> [Relationship] {
        try await relationships(where: """
            relationships.mentor_person = \(bind: person.uuid)
            OR relationships.id IN (SELECT relationship_id FROM relationship_members WHERE mentee_person = \(bind: person.uuid))
            """)
    }

    public func insert(_ relationships: [Relationship]) async throws {
        guard !relationships.isEmpty else { return }
        try await relationships.map(RelationshipModel.init).create(on: db)
        try await relationships.flatMap { relationship in
            relationship.members.enumerated().map { RelationshipMemberModel($1, of: relationship, position: $0) }
        }.create(on: db)
    }

    public func add(_ member: Relationship.Member, to relationship: Relationship) async throws {
        try await RelationshipMemberModel(member, of: relationship, position: relationship.members.count).create(on: db)
    }

    /// The relationships' rows with their members, read in one query.
    func withMembers(_ rows: [RelationshipModel]) async throws -> [Relationship] {
        guard !rows.isEmpty else { return [] }
        let members = Dictionary(grouping: try await RelationshipMemberModel.query(on: db).filter(\.$relationshipID ~~ rows.compactMap(\.id)).all(),
                                 by: \.relationshipID)
        return rows.map { $0.domain(members: members[$0.id!] ?? []) }
    }
}

extension FluentStore {
    public func end(_ relationship: Relationship.ID, at: Date, reason: String) async throws {
        try await RelationshipModel.query(on: db).filter(\.$id == relationship.uuid)
            .set(\.$endedAt, to: at).set(\.$endReason, to: reason).update()
        try await RelationshipMemberModel.query(on: db).filter(\.$relationshipID == relationship.uuid).filter(\.$closedAt == nil)
            .set(\.$closedAt, to: at).update()
    }

    public func leave(_ relationship: Relationship.ID, member: Person.ID, at: Date, reason: String) async throws {
        try await RelationshipMemberModel.query(on: db).filter(\.$relationshipID == relationship.uuid).filter(\.$person == member.uuid)
            .set(\.$leftAt, to: at).set(\.$leaveReason, to: reason).set(\.$closedAt, to: at).update()
    }

    public func openRelationshipsInActiveCycles() async throws -> [Relationship] {
        let active = try await CycleModel.query(on: db).filter(\.$state == CycleState.active.rawValue).all().compactMap(\.id)
        guard !active.isEmpty else { return [] }
        return try await withMembers(RelationshipModel.query(on: db).filter(\.$cycleID ~~ active).filter(\.$endedAt == nil).all())
    }
}

extension FluentStore {
    public func holdMentor(_ enrolment: Enrolment.ID) async throws {
        // A write that changes nothing: PostgreSQL locks the row, SQLite takes its one write lock.
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE enrolments SET cycle_id = cycle_id WHERE id = \(bind: enrolment.uuid)").run()
    }
}
