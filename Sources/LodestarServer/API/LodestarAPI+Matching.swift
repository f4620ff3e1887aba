import Foundation
import LodestarCore

/// A cycle's matching through the API: the optimal plan for a seed with the manager's edits sent
/// as a body, its publication, and the relationships it made — the plan page's use cases.
extension LodestarAPI {
    func planMatching(_ input: Operations.PlanMatching.Input) async throws -> Operations.PlanMatching.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let (principal, query) = try await planning(cycleID, pairs: try APIRequest.page(input.query.offset, input.query.limit), unmatched: .everything) {
            switch input.body { case .json(let json): try json.read() }
        }
        let reading = try await PlanReview(store: store, principal: principal, plans: plans).plan(cycleID, query, now: try APIRequest.current().now)
        return .ok(.init(body: .json(PlanBody(reading))))
    }

    func mentorOptions(_ input: Operations.MentorOptions.Input) async throws -> Operations.MentorOptions.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let mentee: Enrolment.ID = try Identifier(path: input.path.menteeId, of: "mentee enrolment")
        let (principal, query) = try await planning(cycleID, pairs: try APIRequest.page(input.query.offset, input.query.limit)) {
            switch input.body { case .json(let json): try json.read() }
        }
        let choice = try await PlanReview(store: store, principal: principal, plans: plans)
            .mentorChoice(for: mentee, in: cycleID, query, now: try APIRequest.current().now)
        return .ok(.init(body: .json(MentorOptionsBody(choice))))
    }

    /// The caller, once they manage the cycle, and the plan query of the body `read` reads (only then).
    func planning(_ cycleID: Cycle.ID, pairs: PageRequest = .first, unmatched: PageRequest = .first,
                  _ read: () throws -> PlanRequest) async throws -> (principal: Principal, query: PlanReview.Query) {
        let principal = try APIRequest.principal()
        try principal.requireManager(of: try await store.cycleAndProgramme(cycleID).programme, "planning a matching")
        let body = try read()
        return (principal, PlanReview.Query(seed: body.seed ?? 1, fairness: body.fairness ?? false, edits: try body.edits(), search: body.search ?? "",
                                            pairs: pairs, unmatched: unmatched))
    }

    func publishMatching(_ input: Operations.PublishMatching.Input) async throws -> Operations.PublishMatching.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let context = try APIRequest.current()
        try context.signedIn().requireManager(of: try await store.cycleAndProgramme(cycleID).programme, "publishing a matching")
        let body = switch input.body { case .json(let json): try json.read() }
        let outcome = try await MatchingPublication(store: store, principal: try context.signedIn())
            .publish(cycleID, seed: body.seed ?? 1, fairness: body.fairness ?? false, edits: try body.edits(), now: context.now)
        let published = PublicationBody(created: outcome.created, relationships: outcome.relationships.count, messages: outcome.notices)
        return outcome.created ? .created(.init(body: .json(published))) : .ok(.init(body: .json(published)))
    }

    func listCycleRelationships(_ input: Operations.ListCycleRelationships.Input) async throws -> Operations.ListCycleRelationships.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let context = try APIRequest.current()
        let cyclePage = try await CyclePage.read(cycleID, enrolled: try PageRequest(offset: 0, limit: 1), relationships: try APIRequest.page(input.query.offset, input.query.limit),
                                                 for: try context.signedIn(), now: context.now, store)
        return .ok(.init(body: .json(ListBody(cyclePage.relationships) { RelationshipBody($0, mentorLastActive: cyclePage.mentorLastActive[$0.seen.relationship.mentorPerson]) })))
    }
}

/// The plan's inputs: the seed that decides between equally good plans, whether to lift the
/// worst match first, pairs made by hand and mentees left out — as the plan page takes them.
struct PlanRequest: Decodable, Sendable {
    struct Lock: Decodable, Sendable { let mentee: String; let mentor: String }
    let seed: UInt64?
    let fairness: Bool?
    let locks: [Lock]?
    let leftOut: [String]?
    let search: String?

    func edits() throws -> PlanEdits {
        var issues: [FieldIssue] = []
        var locked: [(mentee: Enrolment.ID, mentor: Enrolment.ID)] = []
        for (index, lock) in (locks ?? []).enumerated() {
            guard let mentee = Enrolment.ID(lock.mentee) else { issues.append(FieldIssue(field: "locks[\(index)].mentee", message: "'\(lock.mentee)' is not an enrolment id")); continue }
            guard let mentor = Enrolment.ID(lock.mentor) else { issues.append(FieldIssue(field: "locks[\(index)].mentor", message: "'\(lock.mentor)' is not an enrolment id")); continue }
            locked.append((mentee, mentor))
        }
        var out: Set<Enrolment.ID> = []
        for (index, text) in (leftOut ?? []).enumerated() {
            if let id = Enrolment.ID(text) { out.insert(id) } else { issues.append(FieldIssue(field: "leftOut[\(index)]", message: "'\(text)' is not an enrolment id")) }
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        return PlanEdits(locked: locked, leftOut: out)
    }
}

/// A plan as the API shows it: figures for the whole cohort, the solver's proof, a page of pairs.
struct PlanBody: Encodable, Hashable, Sendable {
    struct Pair: Encodable, Hashable, Sendable {
        let menteeId: String, mentorId: String, menteeName: String, mentorName: String
        let score: Double
        /// Each criterion's points of the score, largest first in `explanation`.
        let contributions: [String: Double]
        let explanation: String
        let locked: Bool
    }
    struct Unmatched: Encodable, Hashable, Sendable {
        let menteeId: String, menteeName: String, reason: String, explanation: String
    }
    struct Statistics: Encodable, Hashable, Sendable {
        let mentees: Int, mentors: Int, matched: Int
        let coverage: Double, meanScore: Double, minimumScore: Double
        let admissiblePairs: Int
        let excludedPairs: [String: Int]

        init(_ stats: MatchPlan.Statistics) {
            (mentees, mentors, matched, coverage, meanScore, minimumScore, admissiblePairs) =
                (stats.mentees, stats.mentors, stats.matched, stats.coverage, stats.meanScore, stats.minimumScore, stats.admissiblePairs)
            excludedPairs = Dictionary(uniqueKeysWithValues: stats.excludedPairs.map { ($0.key.rawValue, $0.value) })
        }
    }
    struct Certificate: Encodable, Hashable, Sendable {
        let solver: String, optimal: Bool, gap: Int64, objective: Int64
    }
    let cycleId: String
    let seed: UInt64
    let statistics: Statistics
    let certificate: Certificate
    let pairs: ListBody<Pair>
    let unmatched: ListBody<Unmatched>
    /// Why an edit was refused, when one was.
    let refused: String?

    init(_ reading: PlanReview.Reading) {
        let plan = reading.plan, stats = plan.statistics
        cycleId = reading.cycle.id.description
        seed = plan.seed
        statistics = Statistics(stats)
        certificate = Certificate(solver: plan.certificate.solver, optimal: plan.certificate.optimal, gap: plan.certificate.gap, objective: plan.certificate.objective)
        pairs = ListBody(reading.pairs) { proposal in
            Pair(menteeId: proposal.mentee.description, mentorId: proposal.mentor.description, menteeName: proposal.menteeName,
                 mentorName: proposal.mentorName, score: proposal.score.total,
                 contributions: Dictionary(uniqueKeysWithValues: proposal.score.contribution.map { ($0.key.rawValue, $0.value) }),
                 explanation: proposal.score.strongestFirst.map(\.summary).joined(separator: "; "), locked: proposal.locked)
        }
        unmatched = ListBody(reading.unmatched) {
            Unmatched(menteeId: $0.mentee.description, menteeName: $0.menteeName, reason: $0.reason.rawValue, explanation: $0.explanation)
        }
        refused = reading.refused
    }
}

/// The mentors one mentee of a plan could move to, best score first, and the mentee's pair now.
struct MentorOptionsBody: Encodable, Hashable, Sendable {
    struct Option: Encodable, Hashable, Sendable {
        let mentorId: String, name: String
        /// Nil for a peer circle, which is not scored against one member.
        let score: Double?
        /// The mentees the plan gives this mentor now, to swap with.
        let mentees: [String]
    }
    struct Current: Encodable, Hashable, Sendable { let mentorId: String; let mentorName: String; let score: Double }
    let menteeId: String
    let menteeName: String
    let current: Current?
    let ruledOut: Int
    let options: ListBody<Option>

    init(_ choice: PlanReview.MentorChoice) {
        menteeId = choice.mentee.description
        menteeName = choice.menteeName
        current = choice.current.map { Current(mentorId: $0.mentor.description, mentorName: $0.mentorName, score: $0.score.total) }
        ruledOut = choice.ruledOut
        options = ListBody(choice.options) {
            Option(mentorId: $0.mentor.description, name: $0.name, score: $0.score?.total, mentees: $0.mentees.map(\.menteeName))
        }
    }
}

/// What publishing did: created the relationships now, or found them from an earlier publication.
struct PublicationBody: Encodable, Hashable, Sendable {
    let created: Bool
    let relationships: Int
    let messages: Int
}

/// A relationship as its programme's managers see it: who, how it goes — never a note.
struct RelationshipBody: Encodable, Hashable, Sendable {
    let id: String
    let cycleId: String
    let mentorEnrolmentId: String
    let mentorName: String
    let menteeEnrolmentIds: [String]
    let menteeNames: String
    let score: Double
    let startedAt: Date
    let endedAt: Date?
    let health: String
    let agreementSigned: Bool
    let meetings: Int
    let minutes: Int
    let lastMeeting: Date?
    /// When the mentor last did something in the cycle's mentoring.
    let mentorLastActive: Date?
    let overdueGoals: Int
    /// The mean rating of the last rated meeting and the one before, 1–5.
    let pulse: Double?
    let previousPulse: Double?
    /// Why the pulse asks for attention, in figures.
    let pulseConcern: String?
    /// The pulse comments their authors shared with the managers, newest first.
    let sharedComments: [String]
    /// The least good of the participants' latest fit-check answers.
    let fit: FitAnswer?

    init(_ oversight: CyclePage.Oversight, mentorLastActive: Date?) {
        self.mentorLastActive = mentorLastActive
        let seen = oversight.seen, relationship = seen.relationship
        id = relationship.id.description
        cycleId = relationship.cycleID.description
        mentorEnrolmentId = relationship.mentor.description
        mentorName = oversight.mentor
        menteeEnrolmentIds = relationship.currentMembers.map(\.enrolment.description)
        menteeNames = oversight.mentees
        score = relationship.score
        startedAt = relationship.startedAt
        endedAt = relationship.endedAt
        health = seen.health.rawValue
        agreementSigned = seen.agreementSigned
        meetings = seen.meetings
        minutes = seen.minutes
        lastMeeting = seen.lastMeeting
        overdueGoals = seen.overdueGoals
        pulse = seen.pulse?.latest
        previousPulse = seen.pulse?.previous
        pulseConcern = seen.pulse?.concern
        sharedComments = seen.sharedComments.map(\.comment)
        fit = seen.fit
    }
}
