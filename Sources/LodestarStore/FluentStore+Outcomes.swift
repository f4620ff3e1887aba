import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func personIDsByExternalID() async throws -> [String: Person.ID] {
        let pairs = try await rows("SELECT id, external_id FROM people") {
            (try $0.decode(column: "external_id", as: String.self), Person.ID(try $0.uuid("id")))
        }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    public func replace(_ outcomes: [EmploymentOutcome], imported: Attribution) async throws -> Int {
        var replaced = 0
        // In batches, within the databases' bind limits.
        for start in stride(from: 0, to: outcomes.count, by: Self.batchSize) {
            let batch = outcomes[start..<min(start + Self.batchSize, outcomes.count)]
            let ids = SQLGroupExpression(batch.map { SQLBind($0.personID.uuid) })
            replaced += try await sql.raw("SELECT COUNT(*) AS n FROM employment_outcomes WHERE person_id IN \(ids)").first(decodingColumn: "n", as: Int.self) ?? 0
            try await sql.raw("DELETE FROM employment_outcomes WHERE person_id IN \(ids)").run()
            var insert = try sql.insert(into: "employment_outcomes")
                .columns("person_id", "hired_on", "left_on", "promoted_on", "rating", "imported_by", "imported_at")
            for outcome in batch {
                insert = insert.values(SQLBind(outcome.personID.uuid), SQLBind(outcome.hiredOn), SQLBind(outcome.leftOn), SQLBind(outcome.promotedOn),
                                       SQLBind(outcome.rating), SQLBind(imported.by), SQLBind(imported.at))
            }
            try await insert.run()
        }
        return replaced
    }

    public func workforce() async throws -> [WorkforceMember] {
        try await rows("""
            SELECT o.person_id, o.hired_on, o.left_on, o.promoted_on, o.rating, people.level, people.department
            FROM employment_outcomes o JOIN people ON people.id = o.person_id
            """) { row in
            WorkforceMember(EmploymentOutcome(personID: Person.ID(try row.uuid("person_id")),
                                              hiredOn: try row.decode(column: "hired_on", as: Date?.self), leftOn: try row.decode(column: "left_on", as: Date?.self),
                                              promotedOn: try row.decode(column: "promoted_on", as: Date?.self), rating: try row.decode(column: "rating", as: Int?.self)),
                            level: try row.decode(column: "level", as: Int.self), department: try row.decode(column: "department", as: String.self))
        }
    }

    public func outcomeImportRecord() async throws -> OutcomeImportRecord {
        let people = try await sql.raw("SELECT COUNT(*) AS n FROM employment_outcomes").first(decodingColumn: "n", as: Int.self) ?? 0
        let latest = try await rows("SELECT imported_by, imported_at FROM employment_outcomes ORDER BY imported_at DESC LIMIT 1") {
            Attribution(by: try $0.decode(column: "imported_by", as: String.self), at: try $0.decode(column: "imported_at", as: Date.self))
        }.first
        return OutcomeImportRecord(people: people, imported: latest)
    }
}
