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
        try await page("programmes", where: "1 = 1", orderedBy: "programmes.name", request, programmes(where:))
    }

    public func programme(_ id: Programme.ID) async throws -> Programme? {
        try await programmes(where: "programmes.id = \(bind: id.uuid)").first
    }

    public func save(_ programme: Programme) async throws {
        try await upsert(ProgrammeModel.self, id: programme.id.uuid) { $0.update(from: programme) }
    }

    public func cycles(of programme: Programme.ID) async throws -> [Cycle] {
        try await cycles(where: "cycles.programme_id = \(bind: programme.uuid) ORDER BY cycles.number")
    }

    public func programmes(ids: Set<Programme.ID>?) async throws -> [Programme] {
        guard let ids else { return try await programmes(where: "1 = 1 ORDER BY programmes.name") }
        guard !ids.isEmpty else { return [] }
        return try await programmes(where: "programmes.id IN (\(binds: ids.map(\.uuid))) ORDER BY programmes.name")
    }

    public func cyclesWithCounts(ofAny programmes: [Programme.ID]) async throws -> [(cycle: Cycle, counts: [EnrolmentRole: Int])] {
        guard !programmes.isEmpty else { return [] }
        let columns = Cycle.columns.map { "cycles." + $0 }.joined(separator: ", ")
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: Cycle.select()), enrolments.role AS role, COUNT(enrolments.id) AS count
            FROM cycles LEFT JOIN enrolments ON enrolments.cycle_id = cycles.id
            WHERE cycles.programme_id IN (\(binds: programmes.map(\.uuid)))
            GROUP BY \(unsafeRaw: columns), enrolments.role ORDER BY cycles.number, cycles.id
            """).all()
        // One row per cycle and role (one with no role for a cycle nobody joined), in cycle order.
        var result: [(cycle: Cycle, counts: [EnrolmentRole: Int])] = []
        for row in rows {
            let cycle = try Cycle(RowColumns(row: row, prefix: "c_"))
            if result.last?.cycle.id != cycle.id { result.append((cycle, [:])) }
            if let role = try row.decode(column: "role", as: String?.self).flatMap(EnrolmentRole.init(rawValue:)) {
                result[result.count - 1].counts[role] = try row.decode(column: "count", as: Int.self)
            }
        }
        return result
    }

    public func cycleWithProgramme(_ id: Cycle.ID) async throws -> (cycle: Cycle, programme: Programme)? {
        try await rows("""
            SELECT \(unsafeRaw: Cycle.select()), \(unsafeRaw: Programme.select()) FROM cycles JOIN programmes ON programmes.id = cycles.programme_id
            WHERE cycles.id = \(bind: id.uuid)
            """) { (try Cycle(RowColumns(row: $0, prefix: "c_")), try Programme(RowColumns(row: $0, prefix: "g_"))) }.first
    }

    public func cycles(page request: PageRequest) async throws -> Page<Cycle> {
        try await page(CycleModel.query(on: db).sort(\.$programmeID).sort(\.$number), request) { try $0.domain() }
    }

    public func cycle(_ id: Cycle.ID) async throws -> Cycle? {
        try await cycles(where: "cycles.id = \(bind: id.uuid)").first
    }

    public func save(_ cycle: Cycle) async throws {
        try await upsert(CycleModel.self, id: cycle.id.uuid) { $0.update(from: cycle) }
    }

    public func enrolments(in cycle: Cycle.ID, role: EnrolmentRole?, page request: PageRequest) async throws -> Page<Enrolment> {
        var condition: SQLQueryString = "enrolments.cycle_id = \(bind: cycle.uuid)"
        if let role { condition += " AND enrolments.role = \(bind: role.rawValue)" }
        return try await page("enrolments", where: condition, orderedBy: "enrolments.role, enrolments.id", request, enrolments(where:))
    }

    public func participants(in cycle: Cycle.ID, page request: PageRequest) async throws -> Page<Participant> {
        try await page("enrolments", where: "enrolments.cycle_id = \(bind: cycle.uuid)", orderedBy: "enrolments.role, enrolments.id", request) { condition in
            let columns = "enrolments.id, enrolments.role, enrolments.person_id, enrolments.profile, people.name, people.title, people.department"
            return try await rows("SELECT \(unsafeRaw: columns) FROM enrolments JOIN people ON people.id = enrolments.person_id WHERE " + condition) {
                try Participant(RowColumns(row: $0, prefix: ""))
            }
        }
    }

    public func allEnrolments(in cycle: Cycle.ID) async throws -> [Enrolment] {
        try await enrolments(where: "enrolments.cycle_id = \(bind: cycle.uuid)")
    }

    public func enrolment(_ id: Enrolment.ID) async throws -> Enrolment? {
        try await enrolments(where: "enrolments.id = \(bind: id.uuid)").first
    }

    public func enrolments(of person: Person.ID) async throws -> [Enrolment] {
        try await enrolments(where: "enrolments.person_id = \(bind: person.uuid)")
    }

    public func enrolmentCounts(in cycle: Cycle.ID) async throws -> [EnrolmentRole: Int] {
        var counts: [EnrolmentRole: Int] = [:]
        for row in try await sql.raw("SELECT role, COUNT(*) AS count FROM enrolments WHERE cycle_id = \(bind: cycle.uuid) GROUP BY role").all() {
            guard let role = EnrolmentRole(rawValue: try row.decode(column: "role", as: String.self)) else { continue }
            counts[role] = try row.decode(column: "count", as: Int.self)
        }
        return counts
    }

    public func save(_ enrolment: Enrolment) async throws {
        try await upsert(EnrolmentModel.self, id: enrolment.id.uuid) { $0.update(from: enrolment) }
    }

    public func save(all enrolments: [Enrolment]) async throws {
        try await db.transaction { tx in
            let store = FluentStore(db: tx, kind: kind, pool: pool)
            for enrolment in enrolments { try await store.save(enrolment) }
        }
    }

    /// The enrolments for which `condition` holds (it may end with an order and a range).
    private func enrolments(where condition: SQLQueryString) async throws -> [Enrolment] {
        try await rows("SELECT \(unsafeRaw: Enrolment.select()) FROM enrolments WHERE " + condition) { try Enrolment(RowColumns(row: $0, prefix: "e_")) }
    }

    /// The programmes for which `condition` holds (it may end with an order and a range).
    private func programmes(where condition: SQLQueryString) async throws -> [Programme] {
        try await rows("SELECT \(unsafeRaw: Programme.select()) FROM programmes WHERE " + condition) { try Programme(RowColumns(row: $0, prefix: "g_")) }
    }

    /// The cycles for which `condition` holds (it may end with an order).
    private func cycles(where condition: SQLQueryString) async throws -> [Cycle] {
        try await rows("SELECT \(unsafeRaw: Cycle.select()) FROM cycles WHERE " + condition) { try Cycle(RowColumns(row: $0, prefix: "c_")) }
    }
}
