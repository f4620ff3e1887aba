import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func readinessAnswers(of programme: Programme.ID) async throws -> [ReadinessAnswer] {
        // The newest answer per question: none later for the same question.
        try await rows("""
            SELECT * FROM readiness_answers a WHERE a.programme_id = \(bind: programme.uuid) AND NOT EXISTS (
            SELECT 1 FROM readiness_answers b WHERE b.programme_id = a.programme_id AND b.question = a.question
            AND (b.answered_at > a.answered_at OR (b.answered_at = a.answered_at AND b.id > a.id)))
            """, readinessAnswer)
    }

    public func readinessHistory(of programme: Programme.ID, page request: PageRequest) async throws -> Page<ReadinessAnswer> {
        try await page("readiness_answers", where: "programme_id = \(bind: programme.uuid)", orderedBy: "answered_at DESC, question", request) { condition in
            try await rows("SELECT * FROM readiness_answers WHERE " + condition, readinessAnswer)
        }
    }

    public func save(_ answers: [ReadinessAnswer]) async throws {
        for answer in answers {
            try await sql.raw("""
                INSERT INTO readiness_answers (id, programme_id, question, level, note, answered_by, answered_at) VALUES
                (\(bind: UUID()), \(bind: answer.programme.uuid), \(bind: answer.question), \(bind: answer.level.rawValue), \(bind: answer.note),
                \(bind: answer.attribution.by), \(bind: answer.attribution.at))
                """).run()
        }
    }

    public func storedReadinessThreshold() async throws -> String? {
        try await sql.raw("SELECT value FROM organisation_settings WHERE name = 'readiness.threshold'").first(decodingColumn: "value", as: String.self)
    }

    public func save(_ threshold: ReadinessThreshold) async throws {
        try await sql.raw("DELETE FROM organisation_settings WHERE name = 'readiness.threshold'").run()
        try await sql.raw("INSERT INTO organisation_settings (name, value) VALUES ('readiness.threshold', \(bind: String(threshold.percent)))").run()
    }

    private func readinessAnswer(_ row: any SQLRow) throws -> ReadinessAnswer {
        ReadinessAnswer(
            programme: Programme.ID(try row.uuid("programme_id")),
            question: try row.decode(column: "question", as: String.self),
            level: try StoredValue.decode(try row.decode(column: "level", as: String.self), as: ReadinessLevel.self, column: "readiness_answers.level"),
            note: try row.decode(column: "note", as: String.self),
            attribution: Attribution(by: try row.decode(column: "answered_by", as: String.self), at: try row.decode(column: "answered_at", as: Date.self)))
    }
}
