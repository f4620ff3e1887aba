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
        guard var cycle = try await store.cycle(cycleID) else { throw NotFound("cycle", cycleID) }
        guard let programme = try await store.programme(cycle.programmeID) else { throw NotFound("programme", cycle.programmeID) }
        try principal.requireManager(of: programme, "publishing a matching")
        if programme.effectiveMatching.menteeChoice != nil {
            throw ValidationError([FieldIssue(field: "programme", message: "\(programme.name) lets mentees choose their mentors; there is no plan to publish (move the cycle to active when the choosing is done)")])
        }
        let existing = try await store.relationships(in: cycle.id)
        if !existing.isEmpty { return Outcome(relationships: existing, created: false, notices: 0) }
        guard cycle.state == .matching else {
            throw ValidationError([FieldIssue(field: "state", message: "\(cycle.name) is \(cycle.state.rawValue); a matching is published while the cycle is in matching")])
        }
        let plan = try await CycleMatching(store: store).plan(cycle.id, seed: seed, fairness: fairness, edits: edits, now: now)
        guard !plan.proposals.isEmpty else {
            throw ValidationError([FieldIssue(field: "plan", message: "the plan pairs nobody; look at the unmatched mentees' reasons before publishing")])
        }
        let enrolments = Dictionary(uniqueKeysWithValues: try await store.allEnrolments(in: cycle.id).map { ($0.id, $0) })
        let people = try await store.people(enrolledIn: cycle.id)
        let relationships = Self.relationships(plan.proposals, shape: programme.relationshipShape, cycle: cycle.id, enrolments: enrolments, now: now)
        let notices = Self.notices(relationships, shape: programme.relationshipShape, unmatched: plan.unmatched, enrolments: enrolments, people: people,
                                   where: "\(programme.name) · \(cycle.name)", now: now)
        try cycle.move(to: .active)
        do {
            try await store.inTransaction { [cycle] store in
                try await store.insert(relationships)
                try await store.save(cycle)
                for notice in notices { try await store.save(notice) }
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

    /// A message to everyone matched about their match, and to each unmatched mentee.
    static func notices(_ relationships: [Relationship], shape: RelationshipShape = .pair, unmatched: [MatchPlan.Unmatched], enrolments: [Enrolment.ID: Enrolment],
                        people: [Person.ID: Person], where place: String, now: Date) -> [Notice] {
        func describe(_ person: Person) -> String { "\(person.name), \(person.title) in \(person.department) (\(person.timeZone))" }
        func notice(_ person: Person, _ subject: String, _ match: String) -> Notice {
            Notice(recipient: person.email, subject: "\(subject) in \(place)", body: """
                Hello \(person.name),

                You have been matched in \(place). \(match)
                Sign in to Lodestar to agree how you will work together and to plan your first meeting.

                """, createdAt: now)
        }
        var notices: [Notice] = []
        for relationship in relationships {
            guard let mentor = people[relationship.mentorPerson] else { continue }
            let members = relationship.members.compactMap { people[$0.person] }
            func list(_ them: [Person]) -> String { them.map { "\n- " + describe($0) }.joined() }
            switch shape {
            case .pair:
                guard let mentee = members.first else { continue }
                notices.append(notice(mentee, "Your mentor", "Your mentor is \(describe(mentor))."))
                notices.append(notice(mentor, "Your mentee", "Your mentee is \(describe(mentee))."))
            case .group:
                notices.append(notice(mentor, "Your mentoring group", "You mentor a group of \(members.count):\(list(members))\n"))
                for member in members {
                    notices.append(notice(member, "Your mentoring group", "Your mentor is \(describe(mentor)); with you in the group:\(list(members.filter { $0.id != member.id }))\n"))
                }
            case .circle:
                for person in [mentor] + members {
                    let convener = person.id == mentor.id ? "You convene it." : "\(mentor.name) convenes it."
                    notices.append(notice(person, "Your peer circle", "You are in a peer circle of \(members.count + 1); \(convener) With you:\(list(([mentor] + members).filter { $0.id != person.id }))\n"))
                }
            }
        }
        for entry in unmatched {
            guard let enrolment = enrolments[entry.mentee], let mentee = people[enrolment.personID] else { continue }
            notices.append(Notice(recipient: mentee.email, subject: "No mentor yet in \(place)", body: """
                Hello \(mentee.name),

                This round of \(place) could not match you with a mentor: \(entry.explanation).
                Your programme manager knows and will be in touch about the next step.

                """, createdAt: now))
        }
        return notices
    }
}
