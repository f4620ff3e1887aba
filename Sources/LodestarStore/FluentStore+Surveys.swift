import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func surveyTemplates(of programmes: Set<Programme.ID>) async throws -> [SurveyTemplate] {
        guard !programmes.isEmpty else { return [] }
        return try await rows("SELECT * FROM survey_templates WHERE programme_id IN (\(binds: programmes.map(\.uuid))) ORDER BY title, id", surveyTemplate)
    }

    public func surveyTemplate(_ id: SurveyTemplate.ID) async throws -> SurveyTemplate? {
        try await rows("SELECT * FROM survey_templates WHERE id = \(bind: id.uuid)", surveyTemplate).first
    }

    public func save(_ template: SurveyTemplate) async throws {
        try await sql.raw("""
            INSERT INTO survey_templates (id, programme_id, title, moment, audience, questions, added_by, added_at) VALUES
            (\(bind: template.id.uuid), \(bind: template.programmeID.uuid), \(bind: template.title), \(bind: template.moment.rawValue),
            \(bind: template.audience.map(\.rawValue).joined(separator: ";")), \(bind: try StoredValue.json(template.questions)),
            \(bind: template.added.by), \(bind: template.added.at))
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, moment = excluded.moment, audience = excluded.audience, questions = excluded.questions
            """).run()
    }

    public func surveys(in cycles: Set<Cycle.ID>) async throws -> [Survey] {
        guard !cycles.isEmpty else { return [] }
        return try await rows("SELECT * FROM surveys WHERE cycle_id IN (\(binds: cycles.map(\.uuid))) ORDER BY added_at, id", survey)
    }

    public func surveys(ofCyclesIn states: Set<CycleState>) async throws -> [Survey] {
        guard !states.isEmpty else { return [] }
        return try await rows("""
            SELECT s.* FROM surveys s JOIN cycles c ON c.id = s.cycle_id WHERE c.state IN (\(binds: states.map(\.rawValue))) ORDER BY s.added_at, s.id
            """, survey)
    }

    public func survey(_ id: Survey.ID) async throws -> Survey? {
        try await rows("SELECT * FROM surveys WHERE id = \(bind: id.uuid)", survey).first
    }

    public func save(_ survey: Survey) async throws {
        try await sql.raw("""
            INSERT INTO surveys (id, cycle_id, template_id, anchor, days, open_days, added_by, added_at) VALUES
            (\(bind: survey.id.uuid), \(bind: survey.cycleID.uuid), \(bind: survey.templateID.uuid), \(bind: survey.anchor.rawValue),
            \(bind: survey.days), \(bind: survey.openDays), \(bind: survey.added.by), \(bind: survey.added.at))
            ON CONFLICT (id) DO UPDATE SET anchor = excluded.anchor, days = excluded.days, open_days = excluded.open_days
            """).run()
    }

    public func matchedAt(_ cycles: Set<Cycle.ID>) async throws -> [Cycle.ID: Date] {
        guard !cycles.isEmpty else { return [:] }
        var found: [Cycle.ID: Date] = [:]
        for row in try await sql.raw("""
            SELECT cycle_id, MIN(started_at) AS matched_at FROM relationships WHERE cycle_id IN (\(binds: cycles.map(\.uuid))) GROUP BY cycle_id
            """).all() {
            found[Cycle.ID(try row.uuid("cycle_id"))] = try row.decode(column: "matched_at", as: Date.self)
        }
        return found
    }

    public func responses(to survey: Survey.ID) async throws -> [SurveyResponse] {
        try await rows("SELECT * FROM survey_responses WHERE survey_id = \(bind: survey.uuid) ORDER BY submitted_at, person_id", response)
    }

    public func responseCounts(of surveys: Set<Survey.ID>) async throws -> [Survey.ID: Int] {
        guard !surveys.isEmpty else { return [:] }
        var counts: [Survey.ID: Int] = [:]
        for row in try await sql.raw("""
            SELECT survey_id, COUNT(*) AS count FROM survey_responses WHERE survey_id IN (\(binds: surveys.map(\.uuid))) GROUP BY survey_id
            """).all() {
            counts[Survey.ID(try row.uuid("survey_id"))] = try row.decode(column: "count", as: Int.self)
        }
        return counts
    }

    public func answered(_ surveys: Set<Survey.ID>, by person: Person.ID) async throws -> [Survey.ID: SurveyResponse] {
        guard !surveys.isEmpty else { return [:] }
        let found = try await rows("""
            SELECT * FROM survey_responses WHERE person_id = \(bind: person.uuid) AND survey_id IN (\(binds: surveys.map(\.uuid)))
            """, response)
        return Dictionary(found.map { ($0.surveyID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func save(_ response: SurveyResponse) async throws {
        try await sql.raw("""
            INSERT INTO survey_responses (survey_id, person_id, role, answers, named, submitted_at) VALUES
            (\(bind: response.surveyID.uuid), \(bind: response.personID.uuid), \(bind: response.role.rawValue), \(bind: try StoredValue.json(response.answers)),
            \(bind: response.named), \(bind: response.submittedAt))
            ON CONFLICT (survey_id, person_id) DO UPDATE SET role = excluded.role, answers = excluded.answers, named = excluded.named,
            submitted_at = excluded.submitted_at
            """).run()
    }

    public func surveyNotices(of survey: Survey.ID, kind: String) async throws -> Set<Person.ID> {
        Set(try await rows("SELECT person_id FROM survey_notices WHERE survey_id = \(bind: survey.uuid) AND kind = \(bind: kind)") {
            Person.ID(try $0.uuid("person_id"))
        })
    }

    public func claimSurveyNotice(of survey: Survey.ID, to person: Person.ID, kind: String, now: Date) async throws -> Bool {
        try await claim("""
            INSERT INTO survey_notices (survey_id, person_id, kind, sent_at) VALUES (\(bind: survey.uuid), \(bind: person.uuid), \(bind: kind), \(bind: now))
            ON CONFLICT (survey_id, person_id, kind) DO NOTHING RETURNING survey_id
            """)
    }

    private func surveyTemplate(_ row: any SQLRow) throws -> SurveyTemplate {
        SurveyTemplate(
            id: SurveyTemplate.ID(try row.uuid("id")), programmeID: Programme.ID(try row.uuid("programme_id")),
            title: try row.decode(column: "title", as: String.self),
            moment: try StoredValue.decode(try row.decode(column: "moment", as: String.self), as: SurveyMoment.self, column: "survey_templates.moment"),
            audience: try row.decode(column: "audience", as: String.self).split(separator: ";").map {
                try StoredValue.decode(String($0), as: EnrolmentRole.self, column: "survey_templates.audience")
            },
            questions: try StoredValue.decodeJSON(try row.decode(column: "questions", as: String.self), as: [SurveyQuestion].self, column: "survey_templates.questions"),
            added: Attribution(by: try row.decode(column: "added_by", as: String.self), at: try row.decode(column: "added_at", as: Date.self)))
    }

    private func survey(_ row: any SQLRow) throws -> Survey {
        Survey(id: Survey.ID(try row.uuid("id")), cycleID: Cycle.ID(try row.uuid("cycle_id")),
               templateID: SurveyTemplate.ID(try row.uuid("template_id")),
               anchor: try StoredValue.decode(try row.decode(column: "anchor", as: String.self), as: SurveyAnchor.self, column: "surveys.anchor"),
               days: try row.decode(column: "days", as: Int.self), openDays: try row.decode(column: "open_days", as: Int.self),
               added: Attribution(by: try row.decode(column: "added_by", as: String.self), at: try row.decode(column: "added_at", as: Date.self)))
    }

    private func response(_ row: any SQLRow) throws -> SurveyResponse {
        SurveyResponse(surveyID: Survey.ID(try row.uuid("survey_id")), personID: Person.ID(try row.uuid("person_id")),
                       role: try StoredValue.decode(try row.decode(column: "role", as: String.self), as: EnrolmentRole.self, column: "survey_responses.role"),
                       answers: try StoredValue.decodeJSON(try row.decode(column: "answers", as: String.self), as: [SurveyAnswer].self, column: "survey_responses.answers"),
                       named: try row.decode(column: "named", as: Bool.self), submittedAt: try row.decode(column: "submitted_at", as: Date.self))
    }
}
