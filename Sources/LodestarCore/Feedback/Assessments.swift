import Foundation

/// Use cases of competency assessment (PRODUCT.md M13): at the start and the end of a cycle a
/// mentee rates their programme's focus competencies; their mentor and their line manager may
/// rate them too. The mentee sees the whole 360° view of their growth; a mentor or line manager
/// sees their own ratings; the programme's managers see the cohort's growth only as means of
/// five or more mentees.
public struct Assessments: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// A mentee's assessments as the principal may see them: the mentee, their mentor in that
    /// cycle or their line manager (anyone else — managers too — is told it is not found).
    public func page(_ enrolmentID: Enrolment.ID) async throws -> AssessmentReading {
        guard let enrolment = try await store.enrolment(enrolmentID), enrolment.role == .mentee,
              let (cycle, programme) = try await store.cycleWithProgramme(enrolment.cycleID),
              let mentee = try await store.person(enrolment.personID), let me = principal.person else { throw NotFound("mentee's growth", enrolmentID) }
        let perspective: AssessmentPerspective
        if me.id == mentee.id {
            perspective = .mentee
        } else if try await store.relationships(of: me.id).contains(where: { $0.cycleID == cycle.id && $0.mentorPerson == me.id && $0.members.contains { $0.person == mentee.id } }) {
            perspective = .mentor
        } else if mentee.managerID == me.id {
            perspective = .lineManager
        } else {
            throw NotFound("mentee's growth", enrolmentID)
        }
        let names = Dictionary(try await store.competencies().map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        let competencies = programme.focusCompetencies.map { (slug: $0, name: names[$0] ?? $0) }
        let all = try await store.assessments(of: mentee.id, in: cycle.id)
        // The mentee reads every side; the others read their own ratings only.
        let visible = perspective == .mentee ? all : all.filter { $0.raterID == me.id }
        let open = AssessmentMoment.allCases.filter { Self.takes($0, in: cycle) }
        var lineManager: Person?
        if perspective == .mentee, let managerID = mentee.managerID { lineManager = try await store.person(managerID) }
        return AssessmentReading(enrolment: enrolment, mentee: mentee, cycle: cycle, programme: programme, perspective: perspective, competencies: competencies,
                                 mine: visible.filter { $0.raterID == me.id }, openMoments: open, growth: Growth(visible, competencies: competencies),
                                 lineManager: lineManager)
    }

    /// Rates the mentee's focus competencies at `moment`: each 1 to 5, with a note; rating
    /// again replaces one's earlier ratings of that moment.
    public func assess(_ enrolmentID: Enrolment.ID, moment: AssessmentMoment, ratings values: [String: String], note: String, now: Date) async throws -> CompetencyAssessment {
        let reading = try await page(enrolmentID)
        guard let me = principal.person else { throw NotFound("mentee's growth", enrolmentID) }
        var issues: [FieldIssue] = []
        if !reading.openMoments.contains(moment) {
            issues.append(FieldIssue(field: "moment", message: "the cycle is \(reading.cycle.state.rawValue): the start is rated while it is matching or active, the end while it is active or closed"))
        }
        if note.count > 2000 { issues.append(FieldIssue(field: "note", message: "is \(note.count) characters; write at most 2000")) }
        var ratings: [String: Int] = [:]
        do { ratings = try CompetencyAssessment.ratings(values, for: reading.competencies.map(\.slug)) } catch { issues += error.issues }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let assessment = CompetencyAssessment(cycleID: reading.cycle.id, menteeID: reading.mentee.id, raterID: me.id, perspective: reading.perspective,
                                              moment: moment, ratings: ratings, note: note.trimmingCharacters(in: .whitespacesAndNewlines), givenAt: now)
        try await store.save(assessment)
        return assessment
    }

    /// The mentee asks their line manager to rate them: a message with the page's address.
    /// Returns the line manager.
    public func askLineManager(_ enrolmentID: Enrolment.ID, now: Date, publicURL: String = "") async throws -> Person {
        let reading = try await page(enrolmentID)
        guard reading.perspective == .mentee else { throw AccessDenied("Only the mentee asks their line manager for a view of their growth.") }
        guard let manager = reading.lineManager else {
            throw ValidationError([FieldIssue(field: "lineManager", message: "the directory names no line manager for you")])
        }
        let writer = NoticeWriter(publicURL: publicURL, now: now, about: reading.programme.id)
        try await store.save(writer.growthRequest(to: manager, from: reading.mentee, in: reading.cycle.place(in: reading.programme),
                                                  competencies: reading.competencies.map(\.name), form: .growth(.value(enrolmentID))))
        return manager
    }

    /// A cycle's growth for its programme's managers: means of the mentees' own ratings.
    public func cohort(_ cycleID: Cycle.ID) async throws -> CohortGrowth {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "reading a cycle's growth")
        let names = Dictionary(try await store.competencies().map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        return CohortGrowth(cycle: cycle, programme: programme, selfAssessments: try await store.assessments(in: cycle.id, perspective: .mentee),
                            competencies: programme.focusCompetencies.map { (slug: $0, name: names[$0] ?? $0) })
    }

    /// The start is rated while a cycle is matching or active, the end while it is active or closed.
    static func takes(_ moment: AssessmentMoment, in cycle: Cycle) -> Bool {
        switch moment {
        case .start: cycle.state == .matching || cycle.state == .active
        case .end: cycle.state == .active || cycle.state == .closed
        }
    }
}

/// A mentee's growth page as the principal sees it.
public struct AssessmentReading: Sendable {
    public let enrolment: Enrolment
    public let mentee: Person
    public let cycle: Cycle
    public let programme: Programme
    /// The principal's side.
    public let perspective: AssessmentPerspective
    public let competencies: [(slug: String, name: String)]
    /// The principal's own assessments.
    public let mine: [CompetencyAssessment]
    public let openMoments: [AssessmentMoment]
    public let growth: Growth
    /// For the mentee: whom they may ask for a view.
    public let lineManager: Person?
}
