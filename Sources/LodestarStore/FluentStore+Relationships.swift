import FluentKit
import Foundation
import LodestarCore

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
