import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func highPotentials() async throws -> [HighPotential] {
        try await rows("""
            SELECT \(unsafeRaw: Person.select()), high_potentials.flagged_by, high_potentials.flagged_at,
              EXISTS (SELECT 1 FROM enrolments WHERE enrolments.person_id = high_potentials.person_id) AS in_programme
            FROM high_potentials JOIN people ON people.id = high_potentials.person_id ORDER BY people.name, people.external_id
            """) { row in
            HighPotential(person: try Person(RowColumns(row: row, prefix: "p_")),
                          flagged: Attribution(by: try row.decode(column: "flagged_by", as: String.self), at: try row.decode(column: "flagged_at", as: Date.self)),
                          inProgramme: try row.decode(column: "in_programme", as: Bool.self))
        }
    }

    public func flag(_ person: Person.ID, _ flagged: Attribution) async throws -> Bool {
        let inserted = try await sql.raw("""
            INSERT INTO high_potentials (person_id, flagged_by, flagged_at) VALUES (\(bind: person.uuid), \(bind: flagged.by), \(bind: flagged.at))
            ON CONFLICT (person_id) DO NOTHING RETURNING person_id
            """).all()
        return !inserted.isEmpty
    }

    public func unflag(_ person: Person.ID) async throws -> Bool {
        try await !sql.raw("DELETE FROM high_potentials WHERE person_id = \(bind: person.uuid) RETURNING person_id").all().isEmpty
    }

    public func assessments(ofMentees mentees: Set<Person.ID>) async throws -> [CompetencyAssessment] {
        var found: [CompetencyAssessment] = []
        let ids = Array(mentees)
        for start in stride(from: 0, to: ids.count, by: Self.batchSize) {
            let batch = SQLGroupExpression(ids[start..<min(start + Self.batchSize, ids.count)].map { SQLBind($0.uuid) })
            found += try await rows("SELECT * FROM competency_assessments WHERE mentee_id IN \(batch) ORDER BY given_at", assessment)
        }
        return found
    }
}
