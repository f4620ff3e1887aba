import Foundation

extension PlanReview {
    /// A mentor (in peer circles, a circle by its convener) one mentee could move to.
    public struct MentorOption: Sendable {
        public let mentor: Enrolment.ID
        public let name: String
        /// The pair's score; nil for a circle, which is not scored against one member.
        public let score: PairScore?
        /// The mentees the plan gives this mentor now, to swap with.
        public let mentees: [MatchPlan.Proposal]
    }

    /// The choice of another mentor for one mentee.
    public struct MentorChoice: Sendable {
        public let cycle: Cycle
        public let programme: Programme
        public let mentee: Enrolment.ID
        public let menteeName: String
        /// The mentee's pair in the plan as it stands, if matched.
        public let current: MatchPlan.Proposal?
        /// The mentors who pass every hard rule with this mentee, best score first, one page of them.
        public let options: Page<MentorOption>
        /// How many mentors the hard rules rule out for this mentee.
        public let ruledOut: Int
        public let edits: PlanEdits
        public let search: String
    }

    /// The mentors one mentee could be reassigned to, scored and ranked; only the requested page
    /// of them is returned, whatever the size of the cohort.
    public func mentorChoice(for mentee: Enrolment.ID, in cycleID: Cycle.ID, _ query: Query, now: Date) async throws -> MentorChoice {
        let (cycle, programme) = try await managedCycle(cycleID)
        let (request, plan) = try await CycleMatching(store: store, plans: plans)
            .planned(cycle.id, seed: query.seed, fairness: query.fairness, edits: query.edits, now: now)
        guard let enrolment = request.enrolments.first(where: { $0.id == mentee }) else { throw NotFound("mentee enrolment in this cycle", mentee) }
        let names = Dictionary(request.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let byMentor = Dictionary(grouping: plan.proposals, by: \.mentor)
        var options: [MentorOption], ruledOut = 0
        if programme.relationshipShape == .circle {
            options = byMentor.map { MentorOption(mentor: $0.key, name: "\($0.value[0].mentorName)'s circle", score: nil, mentees: $0.value) }
                .sorted { $0.name < $1.name }
        } else {
            let mentorNames = Dictionary(uniqueKeysWithValues: request.enrolments.map { ($0.id, names[$0.personID] ?? "") })
            let explained = try MatchPlanner.explainAll(mentee: mentee, in: request)
            ruledOut = explained.count { $0.explanation.score == nil }
            options = explained.compactMap { entry in
                entry.explanation.score.map { MentorOption(mentor: entry.mentor, name: mentorNames[entry.mentor] ?? "", score: $0, mentees: byMentor[entry.mentor] ?? []) }
            }
            .sorted { ($0.score?.total ?? 0, $1.name) > ($1.score?.total ?? 0, $0.name) }
        }
        let search = query.search
        return MentorChoice(cycle: cycle, programme: programme, mentee: mentee, menteeName: names[enrolment.personID] ?? "",
                            current: plan.proposals.first { $0.mentee == mentee },
                            options: Page(slicing: options.filter { Self.matches(search, $0.name) }, query.pairs),
                            ruledOut: ruledOut, edits: query.edits, search: search)
    }
}
