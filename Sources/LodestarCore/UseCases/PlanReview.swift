import Foundation

/// A programme manager reviews a cycle's plan before publishing it: the whole cohort is planned,
/// the page shows the summary of all of it and one page of pairs and of unmatched mentees at a
/// time, searchable by name; another mentor is chosen for one mentee at a time.
public struct PlanReview: Sendable {
    let store: any MatchingInputs
    let principal: Principal
    let plans: PlanCache?

    /// Creates the use case over a store, acting for `principal`; with `plans`, a plan made
    /// from unchanged data is reused from page to page.
    public init(store: any MatchingInputs, principal: Principal, plans: PlanCache? = nil) {
        self.store = store
        self.principal = principal
        self.plans = plans
    }

    /// What the manager asks of the plan: the run's settings and edits so far, and which rows to show.
    public struct Query: Sendable {
        public var seed: UInt64
        public var fairness: Bool
        public var edits: PlanEdits
        /// Part of a mentee's or mentor's name; rows whose names don't contain it are not shown.
        public var search: String
        public var pairs: PageRequest
        public var unmatched: PageRequest

        /// Creates a query.
        public init(seed: UInt64 = 1, fairness: Bool = false, edits: PlanEdits = .none, search: String = "",
                    pairs: PageRequest = PageRequest.first, unmatched: PageRequest = PageRequest.first) {
            self.seed = seed
            self.fairness = fairness
            self.edits = edits
            self.search = search.trimmingCharacters(in: .whitespaces)
            self.pairs = pairs
            self.unmatched = unmatched
        }
    }

    /// One change tried on the plan; the rest is re-optimised around it.
    public enum Edit: Sendable {
        /// Lock a mentee to a mentor.
        case reassign(mentee: Enrolment.ID, mentor: Enrolment.ID)
        /// Two mentees' mentors change places (each side as the page showed it: mentee and mentor).
        case swap(Lock, with: Lock)
        /// Leave a mentee out of this plan.
        case unassign(Enrolment.ID)
    }
    public typealias Lock = (mentee: Enrolment.ID, mentor: Enrolment.ID)

    /// The plan as the page shows it.
    public struct Reading: Sendable {
        public let cycle: Cycle
        public let programme: Programme
        /// The whole plan: its statistics and certificate cover the whole cohort.
        public let plan: MatchPlan
        /// The edits in force after the one tried (unchanged when it was refused).
        public let edits: PlanEdits
        /// Why the edit tried was refused, naming the rule.
        public let refused: String?
        /// The total score of the plan without any edits, when there are edits.
        public let uneditedTotal: Double?
        public let pairs: Page<MatchPlan.Proposal>
        public let unmatched: Page<MatchPlan.Unmatched>
        public let search: String
    }

    /// Plans the cycle with the query's edits and `edit` tried on top; an edit that breaks a hard
    /// rule is refused, the plan staying as it was, with the rule named.
    public func plan(_ cycleID: Cycle.ID, _ query: Query, trying edit: Edit? = nil, now: Date) async throws -> Reading {
        let (cycle, programme) = try await managedCycle(cycleID)
        let matching = CycleMatching(store: store, plans: plans)
        var edits = query.edits
        func plan(_ edits: PlanEdits) async throws -> MatchPlan {
            try await matching.plan(cycle.id, seed: query.seed, fairness: query.fairness, edits: edits, now: now)
        }
        var refused: String?, current: MatchPlan?
        if let edit {
            let tried = Self.apply(edit, to: edits)
            if case .unassign = edit {
                edits = tried
            } else {
                do {
                    current = try await plan(tried)
                    edits = tried
                } catch let error as MatchingError {
                    refused = "Refused: \(error.description)."
                }
            }
        }
        let shown: MatchPlan
        if let current { shown = current } else { shown = try await plan(edits) }
        let total = { (plan: MatchPlan) in plan.proposals.reduce(0) { $0 + $1.score.total } }
        let unedited = edits.isEmpty ? nil : total(try await plan(.none))
        let search = query.search
        let pairs = shown.proposals.filter { Self.matches(search, $0.menteeName) || Self.matches(search, $0.mentorName) }
        let unmatched = shown.unmatched.filter { Self.matches(search, $0.menteeName) }
        return Reading(cycle: cycle, programme: programme, plan: shown, edits: edits, refused: refused, uneditedTotal: unedited,
                       pairs: Page(slicing: pairs, query.pairs), unmatched: Page(slicing: unmatched, query.unmatched), search: search)
    }

    /// What each hard rule costs the plan of the query's run and edits: the plan made again
    /// without each rule that excludes a pair (several plans: a page of its own, asked for).
    public func ruleCosts(_ cycleID: Cycle.ID, _ query: Query, now: Date) async throws -> (cycle: Cycle, programme: Programme, costs: RuleCosts) {
        let (cycle, programme) = try await managedCycle(cycleID)
        let planned = try await CycleMatching(store: store, plans: plans).planned(cycle.id, seed: query.seed, fairness: query.fairness, edits: query.edits, now: now)
        return (cycle, programme, try RuleCosts.of(planned.request, plan: planned.plan))
    }

    /// The edits with `edit` made.
    static func apply(_ edit: Edit, to edits: PlanEdits) -> PlanEdits {
        var edits = edits
        switch edit {
        case .reassign(let mentee, let mentor):
            edits.leftOut.remove(mentee)
            edits.locked = edits.locked.filter { $0.mentee != mentee } + [(mentee, mentor)]
        case .swap(let a, let b) where a.mentee != b.mentee:
            edits.locked = edits.locked.filter { $0.mentee != a.mentee && $0.mentee != b.mentee } + [(a.mentee, b.mentor), (b.mentee, a.mentor)]
        case .swap: break
        case .unassign(let mentee):
            edits.locked.removeAll { $0.mentee == mentee }
            edits.leftOut.insert(mentee)
        }
        return edits
    }

    /// True when `name` contains `search` (ignoring case and accents), or nothing is searched.
    static func matches(_ search: String, _ name: String) -> Bool {
        search.isEmpty || name.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// The cycle and its programme, which the principal must manage.
    func managedCycle(_ cycleID: Cycle.ID) async throws -> (Cycle, Programme) {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "running a matching")
        return (cycle, programme)
    }
}
