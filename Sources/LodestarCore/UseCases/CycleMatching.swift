import Foundation

/// Matching runs on a stored cycle: a dry run that proposes, explains and proves, and stores nothing.
public struct CycleMatching: Sendable {
    let store: any MatchingInputs
    let plans: PlanCache?

    /// Creates the use case over a store; with `plans`, a plan is made once for what it is made from.
    public init(store: any MatchingInputs, plans: PlanCache? = nil) {
        self.store = store
        self.plans = plans
    }

    /// The request for a cycle as stored: its enrolments, the directory, the programme's format and
    /// its matching settings.
    public func request(for cycleID: Cycle.ID, seed: UInt64 = 1, fairness: Bool = false, edits: PlanEdits = .none, now: Date) async throws -> MatchRequest {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        var settings = programme.effectiveMatching
        if let weights = edits.weights { settings.weights = weights }
        // With rotation, every pair of the programme's earlier cycles is excluded.
        let earlier = settings.rotation ? try await store.relationships(ofProgramme: programme.id).filter { $0.cycleID != cycle.id } : []
        // A pair that ended early in this cycle (or a member who left a group, with its mentor) is
        // not made again when the mentee is re-matched.
        let here = try await store.relationships(in: cycle.id)
        let endedHere = here.filter { $0.endedAt != nil }.flatMap(\.pairs)
            + here.flatMap { relationship in relationship.members.filter { $0.leftAt != nil }.map { PersonPair(relationship.mentorPerson, $0.person) } }
        var request = MatchRequest(
            cycle: cycle.id, format: programme.format, settings: settings, enrolments: try await store.allEnrolments(in: cycle.id),
            people: Array(try await store.people(enrolledIn: cycle.id).values), conflicts: Set(try await store.conflicts().map(\.people)),
            previousPairs: Set(earlier.flatMap(\.pairs)), locked: edits.locked, fairness: fairness, seed: seed, now: now)
        request.endedPairs = Set(endedHere)
        request.leftOut = edits.leftOut
        request.managers = try await store.reportingLines()
        if settings.requiresMentorTraining { request.untrainedMentors = try await store.untrained(.mentor, in: cycle.id) }
        return request
    }

    /// Plans the cycle.
    public func plan(_ cycleID: Cycle.ID, seed: UInt64 = 1, fairness: Bool = false, edits: PlanEdits = .none, now: Date) async throws -> MatchPlan {
        try await planned(cycleID, seed: seed, fairness: fairness, edits: edits, now: now).plan
    }

    /// Plans the cycle, with the request the plan was made for; a plan already made from the same
    /// data, settings and edits is reused.
    public func planned(_ cycleID: Cycle.ID, seed: UInt64 = 1, fairness: Bool = false, edits: PlanEdits = .none, now: Date) async throws -> PlanCache.Planned {
        // The revision is read before the data: a write after it moves it on, so what is filed
        // under it is never older than it.
        var key: PlanCache.Key?
        if let plans {
            key = PlanCache.Key(cycle: cycleID, revision: try await store.planningRevision(), seed: seed, fairness: fairness, edits: edits, now: now)
            if let key, let planned = plans[key] { return planned }
        }
        let request = try await request(for: cycleID, seed: seed, fairness: fairness, edits: edits, now: now)
        let planned = (request, try MatchPlanner.plan(request))
        if let key { plans?[key] = planned }
        return planned
    }
}
