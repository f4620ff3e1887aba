import Foundation

/// Publishing a cycle's matching: every proposed pair becomes a relationship, the cycle becomes
/// active, and everyone hears how they were matched — all in one transaction, once.
public struct MatchingPublication: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use case, acting for `principal` (the programme's manager or an admin).
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// What a publication did.
    public struct Outcome: Sendable {
        /// The cycle's relationships (the ones made now, or those of the earlier publication).
        public let relationships: [Relationship]
        /// False when the cycle had been published already and nothing was created.
        public let created: Bool
        /// How many messages went to the outbox.
        public let notices: Int
    }

    /// Publishes the plan that `CycleMatching` makes for the cycle with `seed` (the one the
    /// manager saw: same input and seed, same plan). Publishing again creates nothing.
    public func publish(_ cycleID: Cycle.ID, seed: UInt64 = 1, fairness: Bool = false,
                        edits: PlanEdits = .none, now: Date) async throws -> Outcome {
        var (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "publishing a matching")
        if programme.effectiveMatching.menteeChoice != nil {
            throw ValidationError([FieldIssue(field: "programme", message: "\(programme.name) lets mentees choose their mentors; there is no plan to publish (move the cycle to active when the choosing is done)")])
        }
        let existing = try await store.relationships(in: cycle.id)
        if !existing.isEmpty { return Outcome(relationships: existing, created: false, notices: 0) }
        guard cycle.state == .matching else {
            throw ValidationError([FieldIssue(field: "state", message: "\(cycle.name) is \(cycle.state.rawValue); a matching is published while the cycle is in matching")])
        }
        let (request, plan) = try await CycleMatching(store: store).planned(cycle.id, seed: seed, fairness: fairness, edits: edits, now: now)
        guard !plan.proposals.isEmpty else {
            throw ValidationError([FieldIssue(field: "plan", message: "the plan pairs nobody; look at the unmatched mentees' reasons before publishing")])
        }
        let enrolments = Dictionary(uniqueKeysWithValues: try await store.allEnrolments(in: cycle.id).map { ($0.id, $0) })
        let people = try await store.people(enrolledIn: cycle.id)
        let relationships = Self.relationships(plan.proposals, shape: programme.relationshipShape, cycle: cycle.id, enrolments: enrolments, now: now)
        let notices = NoticeWriter(now: now, about: programme.id).matched(relationships, shape: programme.relationshipShape, unmatched: plan.unmatched, enrolments: enrolments, people: people,
                                                     in: cycle.place(in: programme))
        try cycle.move(to: .active)
        // What a matching priority did is kept with the cycle, for its fairness audit.
        cycle.priorityEffect = try PriorityEffect.of(request, plan: plan)
        do {
            try await store.inTransaction { [cycle] store in
                try await store.insert(relationships)
                try await store.save(cycle)
                for notice in notices { try await store.save(notice) }
                try await store.enqueue([.matchingPublished(cycle, relationships: relationships.count, unmatched: plan.unmatched.count, at: now)]
                                        + relationships.map { .relationship(.relationshipStarted, $0, at: now) })
            }
        } catch {
            // Another publication of the same cycle won the race; its relationships stand.
            let winner = try await store.relationships(in: cycle.id)
            if !winner.isEmpty { return Outcome(relationships: winner, created: false, notices: 0) }
            throw error
        }
        return Outcome(relationships: relationships, created: true, notices: notices.count)
    }

    /// The relationships a plan makes: one per proposed pair, or one per mentor with all their
    /// mentees when the programme works in groups or circles (scored by the mean of its pairs).
    static func relationships(_ proposals: [MatchPlan.Proposal], shape: RelationshipShape, cycle: Cycle.ID,
                              enrolments: [Enrolment.ID: Enrolment], now: Date) -> [Relationship] {
        let together = shape == .pair ? proposals.map { [$0] } : Dictionary(grouping: proposals, by: \.mentor).values.sorted { $0[0].mentorName < $1[0].mentorName }
        return together.compactMap { proposals -> Relationship? in
            guard let mentor = enrolments[proposals[0].mentor] else { return nil }
            let members = proposals.compactMap { enrolments[$0.mentee] }.map { Relationship.Member(enrolment: $0.id, person: $0.personID) }
            guard members.count == proposals.count else { return nil }
            return Relationship(cycleID: cycle, mentor: mentor.id, mentorPerson: mentor.personID, members: members,
                                score: proposals.reduce(0) { $0 + $1.score.total } / Double(proposals.count), startedAt: now)
        }
    }
}
