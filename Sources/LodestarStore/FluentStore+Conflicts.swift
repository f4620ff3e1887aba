import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func conflicts() async throws -> [ConflictOfInterest] {
        try await ConflictModel.query(on: db).all().map(\.domain)
    }

    public func conflict(_ id: ConflictOfInterest.ID) async throws -> ConflictOfInterest? {
        try await ConflictModel.find(id.uuid, on: db)?.domain
    }

    public func conflict(between people: PersonPair) async throws -> ConflictOfInterest? {
        try await ConflictModel.query(on: db).filter(\.$personA == people.first.uuid).filter(\.$personB == people.second.uuid).first()?.domain
    }

    public func namedConflicts(involving programmes: Set<Programme.ID>?, page request: PageRequest) async throws -> Page<NamedConflict> {
        var condition: SQLQueryString = "1 = 1"
        if let programmes {
            guard !programmes.isEmpty else { return Page(items: [], total: 0, request: request) }
            condition = """
                EXISTS (SELECT 1 FROM enrolments JOIN cycles ON cycles.id = enrolments.cycle_id
                WHERE enrolments.person_id IN (conflicts.person_a, conflicts.person_b) AND cycles.programme_id IN (\(binds: programmes.map(\.uuid))))
                """
        }
        return try await page("conflicts", where: condition, orderedBy: "conflicts.declared_at DESC, conflicts.id", request) { condition in
            try await rows("""
                SELECT conflicts.*, a.external_id AS a_external, a.name AS a_name, b.external_id AS b_external, b.name AS b_name
                FROM conflicts JOIN people a ON a.id = conflicts.person_a JOIN people b ON b.id = conflicts.person_b
                """ + " WHERE " + condition) { row in
                // Stored in the pair's order, so `person_a` is `people.first`.
                func person(_ side: String) throws -> NamedPerson {
                    NamedPerson(id: Person.ID(try row.uuid("person_\(side)")),
                                externalID: try row.decode(column: "\(side)_external", as: String.self), name: try row.decode(column: "\(side)_name", as: String.self))
                }
                let (a, b) = (try person("a"), try person("b"))
                let conflict = ConflictOfInterest(
                    id: ConflictOfInterest.ID(try row.uuid("id")), between: a.id, and: b.id, reason: try row.decode(column: "reason", as: String.self),
                    declared: Attribution(by: try row.decode(column: "declared_by", as: String?.self), at: try row.decode(column: "declared_at", as: Date?.self)))
                return NamedConflict(conflict, people: [a, b])
            }
        }
    }

    public func save(_ conflict: ConflictOfInterest) async throws {
        try await ConflictModel(conflict).create(on: db)
    }

    public func delete(_ conflict: ConflictOfInterest.ID) async throws -> Bool {
        guard let row = try await ConflictModel.find(conflict.uuid, on: db) else { return false }
        try await row.delete(on: db)
        return true
    }

    public func record(_ change: AdministrativeChange) async throws {
        try await sql.raw("""
            INSERT INTO administrative_changes (id, kind, programme_id, subject, changed_by, changed_at) VALUES
            (\(bind: change.id.uuid), \(bind: change.kind.rawValue), \(bind: change.programme?.uuid), \(bind: change.subject),
            \(bind: change.attribution.by), \(bind: change.attribution.at))
            """).run()
    }

    public func changes(programme: Programme.ID?, kinds: Set<AdministrativeChange.Kind>, page request: PageRequest) async throws -> Page<AdministrativeChange> {
        guard !kinds.isEmpty else { return Page(items: [], total: 0, request: request) }
        let of: SQLQueryString = programme.map { "programme_id = \(bind: $0.uuid)" } ?? "programme_id IS NULL"
        return try await page("administrative_changes", where: of + " AND kind IN (\(binds: kinds.map(\.rawValue)))", orderedBy: "changed_at DESC, id", request) { condition in
            try await rows("SELECT * FROM administrative_changes WHERE " + condition) { row in
                AdministrativeChange(
                    id: AdministrativeChange.ID(try row.uuid("id")),
                    try StoredValue.decode(try row.decode(column: "kind", as: String.self), as: AdministrativeChange.Kind.self, column: "administrative_changes.kind"),
                    programme: try row.optionalUUID("programme_id").map(Programme.ID.init),
                    subject: try row.decode(column: "subject", as: String.self),
                    attribution: Attribution(by: try row.decode(column: "changed_by", as: String.self), at: try row.decode(column: "changed_at", as: Date.self)))
            }
        }
    }
}
