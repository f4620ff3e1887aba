import Foundation

/// A programme's cycles measured side by side.
public struct ProgrammeIndicators: Sendable, Equatable {
    public let programme: Programme
    /// Its cycles in order, the first first.
    public let cycles: [CycleIndicators]
}

/// Evaluation (PRODUCT.md M15): the indicators of a cycle or of a programme's cycles, for the
/// programme's managers and admins — the dashboards, the API, the exports and `lodestar report`.
public struct Evaluation: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// One cycle's indicators at `now`.
    public func cycle(_ id: Cycle.ID, now: Date) async throws -> CycleIndicators {
        let (cycle, programme) = try await store.cycleAndProgramme(id)
        try principal.requireManager(of: programme, "reading a cycle's indicators")
        return try await measure(cycle, of: programme, now: now)
    }

    /// Every cycle of a programme, measured at `now`.
    public func programme(_ id: Programme.ID, now: Date) async throws -> ProgrammeIndicators {
        guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
        try principal.requireManager(of: programme, "reading a programme's indicators")
        return try await measure(programme, now: now)
    }

    /// Every cycle of a programme the principal may read, measured at `now`.
    func measure(_ programme: Programme, now: Date) async throws -> ProgrammeIndicators {
        // Two cycles are measured at a time, side by side, and set in order: a programme of many
        // large cycles never holds all their records at once.
        let cycles = try await store.cycles(of: programme.id).sorted(by: { $0.number < $1.number })
        let measured = try await withThrowingTaskGroup(of: (Int, CycleIndicators).self) { group in
            var measured: [Int: CycleIndicators] = [:]
            for (index, cycle) in cycles.enumerated() {
                if index >= Self.cyclesAtOnce, let (done, indicators) = try await group.next() { measured[done] = indicators }
                group.addTask { (index, try await measure(cycle, of: programme, now: now)) }
            }
            for try await (done, indicators) in group { measured[done] = indicators }
            return measured
        }
        return ProgrammeIndicators(programme: programme, cycles: cycles.indices.compactMap { measured[$0] })
    }

    /// How many of a programme's cycles are measured at once.
    static let cyclesAtOnce = 2

    /// How matching served each opt-in group of a cycle's mentees, small groups hidden.
    public func fairness(_ id: Cycle.ID) async throws -> FairnessAudit {
        let (cycle, programme) = try await store.cycleAndProgramme(id)
        try principal.requireManager(of: programme, "reading a cycle's fairness audit")
        let enrolments = try await store.allEnrolments(in: cycle.id)
        let applications = try await store.applications(in: cycle.id).filter { $0.appliedAt != nil }
        let applicants = applications.map(\.personID)
        let appliedAt = Dictionary(applications.compactMap { application in application.appliedAt.map { (application.personID, $0) } }, uniquingKeysWith: min)
        var people = try await store.people(enrolledIn: cycle.id)
        let missing = Set(applicants).subtracting(people.keys)
        if !missing.isEmpty { for person in try await store.people(ids: missing) { people[person.id] = person } }
        let relationships = try await store.relationships(in: cycle.id)
        let pulses = relationships.isEmpty ? [] : try await store.pulses(ofAny: relationships.map(\.id))
        return FairnessAudit(FairnessAudit.Records(cycle: cycle, programme: programme, enrolments: enrolments, applicants: applicants,
                                                   appliedAt: appliedAt, people: people, relationships: relationships, pulses: pulses))
    }

    /// A cycle's records read in nine queries, however many relationships it has, and two for each
    /// closed survey — all but the first side by side, each on a connection of its own.
    private func measure(_ cycle: Cycle, of programme: Programme, now: Date) async throws -> CycleIndicators {
        let store = self.store
        let relationships = try await store.relationships(in: cycle.id)
        let ids = relationships.map(\.id)
        async let enrolled = store.enrolmentCounts(in: cycle.id)
        async let applications = store.applications(in: cycle.id)
        async let meetings = ids.isEmpty ? [] : store.meetings(ofAny: ids)
        async let goalStates = ids.isEmpty ? [] : store.goalStates(ofAny: ids)
        async let agreements = ids.isEmpty ? [] : store.agreements(ofAny: ids)
        async let pulses = ids.isEmpty ? [] : store.pulses(ofAny: ids)
        async let surveys = closedSurveys(of: cycle, matchedAt: relationships.map(\.startedAt).min(), now: now)
        async let own = store.assessments(in: cycle.id, perspective: .mentee)
        async let lineManagers = store.assessments(in: cycle.id, perspective: .lineManager)
        let records = CycleIndicators.Records(
            cycle: cycle, programme: programme, enrolled: try await enrolled, applications: try await applications, relationships: relationships,
            meetings: try await meetings, goalStates: try await goalStates, agreements: try await agreements, pulses: try await pulses,
            feedback: CycleIndicators.Feedback(surveys: try await surveys, assessments: try await own + lineManagers))
        return CycleIndicators(records, now: now)
    }

    /// The questions and responses of each of a cycle's surveys closed by `now` (only a closed
    /// survey's answers count, as its results show them only then).
    private func closedSurveys(of cycle: Cycle, matchedAt: Date?, now: Date) async throws -> [(questions: [SurveyQuestion], responses: [SurveyResponse])] {
        var surveys: [(questions: [SurveyQuestion], responses: [SurveyResponse])] = []
        for survey in try await store.surveys(in: [cycle.id]) {
            guard let window = survey.window(end: cycle.dates.end, matchedAt: matchedAt), window.end <= now,
                  let template = try await store.surveyTemplate(survey.templateID) else { continue }
            surveys.append((template.questions, try await store.responses(to: survey.id)))
        }
        return surveys
    }
}
