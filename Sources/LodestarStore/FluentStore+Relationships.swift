import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func relationships(in cycle: Cycle.ID) async throws -> [Relationship] {
        try await RelationshipModel.query(on: db).filter(\.$cycleID == cycle.uuid).sort(\.$startedAt).all().map(\.domain)
    }

    public func relationships(ofProgramme programme: Programme.ID) async throws -> [Relationship] {
        let cycles = try await CycleModel.query(on: db).filter(\.$programmeID == programme.uuid).all().compactMap(\.id)
        guard !cycles.isEmpty else { return [] }
        return try await RelationshipModel.query(on: db).filter(\.$cycleID ~~ cycles).all().map(\.domain)
    }

    public func relationships(of person: Person.ID) async throws -> [Relationship] {
        try await RelationshipModel.query(on: db)
            .group(.or) { $0.filter(\.$mentorPerson == person.uuid).filter(\.$menteePerson == person.uuid) }
            .sort(\.$startedAt).all().map(\.domain)
    }

    public func insert(_ relationships: [Relationship]) async throws {
        guard !relationships.isEmpty else { return }
        try await relationships.map(RelationshipModel.init).create(on: db)
    }
}

extension FluentStore {
    public func end(_ relationship: Relationship.ID, at: Date, reason: String) async throws {
        try await RelationshipModel.query(on: db).filter(\.$id == relationship.uuid)
            .set(\.$endedAt, to: at).set(\.$endReason, to: reason).update()
    }

    public func openRelationshipsInActiveCycles() async throws -> [Relationship] {
        let active = try await CycleModel.query(on: db).filter(\.$state == CycleState.active.rawValue).all().compactMap(\.id)
        guard !active.isEmpty else { return [] }
        return try await RelationshipModel.query(on: db).filter(\.$cycleID ~~ active).filter(\.$endedAt == nil).all().map(\.domain)
    }
}

extension FluentStore {
    public func holdMentor(_ enrolment: Enrolment.ID) async throws {
        // A write that changes nothing: PostgreSQL locks the row, SQLite takes its one write lock.
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE enrolments SET cycle_id = cycle_id WHERE id = \(bind: enrolment.uuid)").run()
    }
}
