import Foundation
import FluentKit
import LodestarCore
import SQLKit

extension FluentStore {
    public func competencies() async throws -> [Competency] {
        try await CompetencyModel.query(on: db).sort(\.$name).all().map(\.domain)
    }

    public func competency(slug: String) async throws -> Competency? {
        try await CompetencyModel.query(on: db).filter(\.$slug == slug).first()?.domain
    }

    public func save(_ competency: Competency) async throws {
        try await upsert(CompetencyModel.self, id: competency.id.uuid) { $0.update(from: competency) }
    }

    public func programmes(page request: PageRequest) async throws -> Page<Programme> {
        try await page(ProgrammeModel.query(on: db).sort(\.$name), request) { try $0.domain() }
    }

    public func programme(_ id: Programme.ID) async throws -> Programme? {
        try await ProgrammeModel.find(id.uuid, on: db)?.domain()
    }

    public func save(_ programme: Programme) async throws {
        try await upsert(ProgrammeModel.self, id: programme.id.uuid) { $0.update(from: programme) }
    }

    public func cycles(of programme: Programme.ID) async throws -> [Cycle] {
        try await CycleModel.query(on: db).filter(\.$programmeID == programme.uuid).sort(\.$number).all().map { try $0.domain() }
    }

    public func cycles(ofAny programmes: [Programme.ID]) async throws -> [Cycle] {
        guard !programmes.isEmpty else { return [] }
        return try await CycleModel.query(on: db).filter(\.$programmeID ~~ programmes.map(\.uuid)).sort(\.$number).all().map { try $0.domain() }
    }

    public func cycles(page request: PageRequest) async throws -> Page<Cycle> {
        try await page(CycleModel.query(on: db).sort(\.$programmeID).sort(\.$number), request) { try $0.domain() }
    }

    public func cycle(_ id: Cycle.ID) async throws -> Cycle? {
        try await CycleModel.find(id.uuid, on: db)?.domain()
    }

    public func save(_ cycle: Cycle) async throws {
        try await upsert(CycleModel.self, id: cycle.id.uuid) { $0.update(from: cycle) }
    }

    public func enrolments(in cycle: Cycle.ID, role: EnrolmentRole?, page request: PageRequest) async throws -> Page<Enrolment> {
        let query = EnrolmentModel.query(on: db).filter(\.$cycleID == cycle.uuid)
        if let role { query.filter(\.$role == role.rawValue) }
        return try await page(query.sort(\.$role).sort(\.$id), request) { try $0.domain() }
    }

    public func allEnrolments(in cycle: Cycle.ID) async throws -> [Enrolment] {
        try await EnrolmentModel.query(on: db).filter(\.$cycleID == cycle.uuid).all().map { try $0.domain() }
    }

    public func enrolment(_ id: Enrolment.ID) async throws -> Enrolment? {
        try await EnrolmentModel.find(id.uuid, on: db)?.domain()
    }

    public func enrolments(of person: Person.ID) async throws -> [Enrolment] {
        try await EnrolmentModel.query(on: db).filter(\.$personID == person.uuid).all().map { try $0.domain() }
    }

    public func enrolmentCounts(in cycle: Cycle.ID) async throws -> [EnrolmentRole: Int] {
        try await enrolmentCounts(inAny: [cycle])[cycle] ?? [:]
    }

    public func enrolmentCounts(inAny cycles: [Cycle.ID]) async throws -> [Cycle.ID: [EnrolmentRole: Int]] {
        guard !cycles.isEmpty else { return [:] }
        let rows = try await sql.select()
            .column("cycle_id").column("role").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .from(EnrolmentModel.schema).where("cycle_id", .in, cycles.map(\.uuid))
            .groupBy("cycle_id").groupBy("role").all()
        var counts: [Cycle.ID: [EnrolmentRole: Int]] = [:]
        for row in rows {
            guard let role = EnrolmentRole(rawValue: try row.decode(column: "role", as: String.self)) else { continue }
            counts[Cycle.ID(try row.decode(column: "cycle_id", as: UUID.self)), default: [:]][role] = try row.decode(column: "count", as: Int.self)
        }
        return counts
    }

    public func save(_ enrolment: Enrolment) async throws {
        try await upsert(EnrolmentModel.self, id: enrolment.id.uuid) { $0.update(from: enrolment) }
    }

    public func save(all enrolments: [Enrolment]) async throws {
        try await db.transaction { tx in
            let store = FluentStore(db: tx, kind: kind)
            for enrolment in enrolments { try await store.save(enrolment) }
        }
    }
}
