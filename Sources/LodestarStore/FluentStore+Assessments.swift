import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func assessments(of mentee: Person.ID, in cycle: Cycle.ID) async throws -> [CompetencyAssessment] {
        try await rows("""
            SELECT * FROM competency_assessments WHERE cycle_id = \(bind: cycle.uuid) AND mentee_id = \(bind: mentee.uuid) ORDER BY given_at
            """, assessment)
    }

    public func assessments(in cycle: Cycle.ID, perspective: AssessmentPerspective) async throws -> [CompetencyAssessment] {
        try await rows("""
            SELECT * FROM competency_assessments WHERE cycle_id = \(bind: cycle.uuid) AND perspective = \(bind: perspective.rawValue) ORDER BY given_at
            """, assessment)
    }

    public func save(_ assessment: CompetencyAssessment) async throws {
        let ratings = try StoredValue.json(assessment.ratings)
        try await sql.raw("""
            INSERT INTO competency_assessments (cycle_id, mentee_id, rater_id, perspective, moment, ratings, note, given_at) VALUES
            (\(bind: assessment.cycleID.uuid), \(bind: assessment.menteeID.uuid), \(bind: assessment.raterID.uuid), \(bind: assessment.perspective.rawValue),
            \(bind: assessment.moment.rawValue), \(bind: ratings), \(bind: assessment.note), \(bind: assessment.givenAt))
            ON CONFLICT (cycle_id, mentee_id, rater_id, moment) DO UPDATE SET perspective = excluded.perspective, ratings = excluded.ratings,
            note = excluded.note, given_at = excluded.given_at
            """).run()
    }

    func assessment(_ row: any SQLRow) throws -> CompetencyAssessment {
        let ratings = try StoredValue.decodeJSON(try row.decode(column: "ratings", as: String.self), as: [String: Int].self, column: "competency_assessments.ratings")
        return CompetencyAssessment(
            cycleID: Cycle.ID(try row.uuid("cycle_id")), menteeID: Person.ID(try row.uuid("mentee_id")),
            raterID: Person.ID(try row.uuid("rater_id")),
            perspective: try StoredValue.decode(try row.decode(column: "perspective", as: String.self), as: AssessmentPerspective.self, column: "competency_assessments.perspective"),
            moment: try StoredValue.decode(try row.decode(column: "moment", as: String.self), as: AssessmentMoment.self, column: "competency_assessments.moment"),
            // Only ratings in range reach the growth arithmetic, whatever an older version stored.
            ratings: ratings.filter { (1...5).contains($0.value) }, note: try row.decode(column: "note", as: String.self), givenAt: try row.decode(column: "given_at", as: Date.self))
    }
}
