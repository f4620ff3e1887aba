import Foundation

/// Use cases of surveys (PRODUCT.md M13): a programme's managers write templates and schedule
/// them in cycles; the mentors and mentees they ask answer while a survey is open; managers read
/// the results aggregated, small groups hidden, once it has closed.
public struct Surveys: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// A programme's templates and the surveys of its cycles, for its managers.
    public func programme(_ programmeID: Programme.ID, now: Date) async throws -> ProgrammeSurveys {
        let programme = try await store.programme(programmeID, managedBy: principal, "managing a programme's surveys")
        let cycles = try await store.cycles(of: programmeID)
        return ProgrammeSurveys(programme: programme, cycles: cycles, templates: try await store.surveyTemplates(of: [programmeID]),
                                surveys: try await statuses(of: cycles, now: now))
    }

    /// Adds a template to a programme.
    public func addTemplate(to programmeID: Programme.ID, title: String, moment: SurveyMoment, audience: [EnrolmentRole], questions: [SurveyQuestion],
                            now: Date) async throws -> SurveyTemplate {
        let programme = try await store.programme(programmeID, managedBy: principal, "writing a survey")
        try ProgrammeOffice(store: store, principal: principal).requireNotArchived(programme)
        let title = title.trimmingCharacters(in: .whitespaces)
        var issues = SingleLineText.issue(title, field: "title").map { [$0] } ?? []
        if title.isEmpty { issues.append(FieldIssue(field: "title", message: "is empty; name the survey")) }
        if title.count > 200 { issues.append(FieldIssue(field: "title", message: "is \(title.count) characters; write at most 200")) }
        if audience.isEmpty { issues.append(FieldIssue(field: "audience", message: "ask mentors, mentees or both")) }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let template = SurveyTemplate(programmeID: programmeID, title: title, moment: moment, audience: Array(Set(audience)).sorted { $0.rawValue < $1.rawValue },
                                      questions: questions, added: Attribution(principal, at: now))
        try await store.save(template)
        return template
    }

    /// Schedules a template in a cycle of its programme: `days` after matching, before or after
    /// the cycle's end, open for `openDays`.
    public func schedule(_ templateID: SurveyTemplate.ID, in cycleID: Cycle.ID, anchor: SurveyAnchor, days: Int, openDays: Int, now: Date) async throws -> Survey {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "scheduling a survey")
        try ProgrammeOffice(store: store, principal: principal).requireNotArchived(programme)
        guard let template = try await store.surveyTemplate(templateID), template.programmeID == programme.id else {
            throw ValidationError([FieldIssue(field: "template", message: "\(templateID) is not a survey of \(programme.name)")])
        }
        var issues = Survey.issues(days: days, openDays: openDays)
        if anchor != .afterMatching && cycle.dates.end == nil {
            issues.append(FieldIssue(field: "anchor", message: "the cycle has no end date yet; set it on the cycle's page, or count from matching"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let survey = Survey(cycleID: cycle.id, templateID: template.id, anchor: anchor, days: days, openDays: openDays, added: Attribution(principal, at: now))
        try await store.save(survey)
        return survey
    }

    /// The surveys of a cycle, for its programme's managers.
    public func cycle(_ cycleID: Cycle.ID, now: Date) async throws -> [SurveyStatus] {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "following a cycle's surveys")
        return try await statuses(of: [cycle], now: now)
    }

    /// The surveys the principal is asked to answer — open ones, and those they answered.
    public func mine(now: Date) async throws -> [SurveyInvitation] {
        guard let me = principal.person else { return [] }
        let roles = Dictionary(principal.enrolments.map { ($0.enrolment.cycleID, $0.enrolment.role) }, uniquingKeysWith: { first, _ in first })
        let surveys = try await store.surveys(in: Set(roles.keys))
        guard !surveys.isEmpty else { return [] }
        let templates = Dictionary(uniqueKeysWithValues: try await store.surveyTemplates(of: Set(principal.enrolments.map(\.programmeID))).map { ($0.id, $0) })
        let answered = try await store.answered(Set(surveys.map(\.id)), by: me.id)
        // The principal's cycles in one query, and when each was matched in another.
        let cycles = Dictionary(try await store.cyclesWithProgrammes(of: me.id).map { ($0.cycle.id, $0.cycle) }, uniquingKeysWith: { first, _ in first })
        let matchedAt = try await store.matchedAt(Set(roles.keys))
        return surveys.compactMap { survey in
            guard let template = templates[survey.templateID], let role = roles[survey.cycleID], template.audience.contains(role),
                  let cycle = cycles[survey.cycleID] else { return nil }
            let window = survey.window(end: cycle.dates.end, matchedAt: matchedAt[survey.cycleID])
            let state = SurveyState(window, at: now)
            guard state == .open || answered[survey.id] != nil else { return nil }
            return SurveyInvitation(survey: survey, template: template, cycle: cycle, role: role, state: state, window: window, response: answered[survey.id])
        }.sorted { ($0.window?.end ?? .distantFuture) < ($1.window?.end ?? .distantFuture) }
    }

    /// A survey as the person asked sees it (and its programme's managers: without answering).
    public func survey(_ id: Survey.ID, now: Date) async throws -> SurveyReading {
        guard let survey = try await store.survey(id), let template = try await store.surveyTemplate(survey.templateID),
              let (cycle, programme) = try await store.cycleWithProgramme(survey.cycleID) else { throw NotFound("survey", id) }
        let role = principal.enrolments.first { $0.enrolment.cycleID == cycle.id }?.enrolment.role
        let asked = role.map(template.audience.contains) ?? false
        guard asked || principal.manages(programme.id) else { throw NotFound("survey", id) }
        let window = survey.window(end: cycle.dates.end, matchedAt: try await store.matchedAt([cycle.id])[cycle.id])
        var response: SurveyResponse?
        if let me = principal.person { response = try await store.answered([id], by: me.id)[id] }
        return SurveyReading(survey: survey, template: template, cycle: cycle, programme: programme, state: SurveyState(window, at: now), window: window,
                             role: asked ? role : nil, response: response)
    }

    /// Answers a survey: one list of values per question (a number, option positions, or text),
    /// and whether free-text answers may carry the person's name. Allowed to the people asked,
    /// while it is open; answering again replaces the earlier answers.
    public func answer(_ id: Survey.ID, values: [[String]], named: Bool, now: Date) async throws -> SurveyResponse {
        let reading = try await survey(id, now: now)
        guard let me = principal.person, let role = reading.role else { throw AccessDenied("Answering a survey is for the mentors and mentees it asks.") }
        guard reading.state == .open else {
            throw ValidationError([FieldIssue(field: "survey", message: reading.state == .closed ? "closed; answers are no longer taken" : "is not open yet")])
        }
        var answers: [SurveyAnswer] = [], issues: [FieldIssue] = []
        for (index, question) in reading.template.questions.enumerated() {
            do { answers.append(try question.answer(index < values.count ? values[index] : [], field: "q\(index)")) } catch { issues += error.issues }
        }
        if values.count > reading.template.questions.count {
            issues.append(FieldIssue(field: "answers", message: "\(values.count) answers for \(reading.template.questions.count) questions"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let response = SurveyResponse(surveyID: id, personID: me.id, role: role, answers: answers, named: named, submittedAt: now)
        try await store.save(response)
        return response
    }

    /// A survey's results for its programme's managers: figures once it has closed (while it is
    /// open, how many answered — figures that changed with each answer would tell them apart).
    public func results(_ id: Survey.ID, now: Date) async throws -> SurveyResults {
        let reading = try await survey(id, now: now)
        try principal.requireManager(of: reading.programme, "reading a survey's results")
        let invited = try await store.allEnrolments(in: reading.cycle.id).filter { reading.template.audience.contains($0.role) }
        // While it is open only the count is read: no answer leaves the database before the close.
        let closed = reading.state == .closed
        let responses = closed ? try await store.responses(to: id) : nil
        var responded = responses?.count ?? 0
        if responses == nil { responded = try await store.responseCounts(of: [id])[id] ?? 0 }
        let people = closed ? Dictionary(uniqueKeysWithValues: try await store.people(ids: Set((responses ?? []).map(\.personID))).map { ($0.id, $0) }) : [:]
        return SurveyResults(survey: reading.survey, template: reading.template, cycle: reading.cycle, programme: reading.programme, state: reading.state,
                             window: reading.window, invited: Set(invited.map(\.personID)).count, responded: responded,
                             responses: responses, people: people)
    }

    private func statuses(of cycles: [Cycle], now: Date) async throws -> [SurveyStatus] {
        let ids = Set(cycles.map(\.id))
        let surveys = try await store.surveys(in: ids)
        guard !surveys.isEmpty, let programmeID = cycles.first?.programmeID else { return [] }
        let templates = Dictionary(uniqueKeysWithValues: try await store.surveyTemplates(of: [programmeID]).map { ($0.id, $0) })
        let counts = try await store.responseCounts(of: Set(surveys.map(\.id)))
        let matchedAt = try await store.matchedAt(ids)
        let byID = Dictionary(uniqueKeysWithValues: cycles.map { ($0.id, $0) })
        return surveys.compactMap { survey in
            guard let template = templates[survey.templateID], let cycle = byID[survey.cycleID] else { return nil }
            let window = survey.window(end: cycle.dates.end, matchedAt: matchedAt[cycle.id])
            return SurveyStatus(survey: survey, template: template, cycle: cycle, state: SurveyState(window, at: now), window: window, responded: counts[survey.id] ?? 0)
        }.sorted { ($0.cycle.number, $0.window?.start ?? .distantFuture) < ($1.cycle.number, $1.window?.start ?? .distantFuture) }
    }
}

/// A programme's surveys as its managers see them.
public struct ProgrammeSurveys: Sendable {
    public let programme: Programme
    public let cycles: [Cycle]
    public let templates: [SurveyTemplate]
    public let surveys: [SurveyStatus]
}

/// A scheduled survey, when it opens and closes, and how many answered.
public struct SurveyStatus: Sendable {
    public let survey: Survey
    public let template: SurveyTemplate
    public let cycle: Cycle
    public let state: SurveyState
    public let window: DateInterval?
    public let responded: Int
}

/// A survey the principal is asked to answer.
public struct SurveyInvitation: Sendable {
    public let survey: Survey
    public let template: SurveyTemplate
    public let cycle: Cycle
    public let role: EnrolmentRole
    public let state: SurveyState
    public let window: DateInterval?
    public let response: SurveyResponse?
}

/// A survey with its questions; `role` is the principal's when it asks them, and `response`
/// their answers so far.
public struct SurveyReading: Sendable {
    public let survey: Survey
    public let template: SurveyTemplate
    public let cycle: Cycle
    public let programme: Programme
    public let state: SurveyState
    public let window: DateInterval?
    public let role: EnrolmentRole?
    public let response: SurveyResponse?
}
