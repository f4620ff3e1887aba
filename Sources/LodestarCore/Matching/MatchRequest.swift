import Foundation

/// Everything a matching run looks at. Time and the seed are given, so a run can be replayed.
public struct MatchRequest: Sendable {
    public var cycle: Cycle.ID
    public var format: MentoringFormat
    public var settings: MatchingSettings
    public var enrolments: [Enrolment]
    /// The people taking part (or the whole directory): levels, departments, languages, time zones.
    public var people: [Person]
    /// Each person's manager across the whole directory, for the reporting-line rule; nil when
    /// `people` is the whole directory and the tree is read from it.
    public var managers: [Person.ID: Person.ID?]?
    public var conflicts: Set<PersonPair>
    /// Pairs from earlier cycles of the programme (excluded when the programme rotates).
    public var previousPairs: Set<PersonPair>
    /// Pairs that ended early in this cycle: never made again, rotation or not.
    public var endedPairs: Set<PersonPair> = []
    /// Hand-made pairs (mentee enrolment, mentor enrolment) kept as they are.
    public var locked: [(mentee: Enrolment.ID, mentor: Enrolment.ID)]
    /// Mentees the manager keeps out of this plan (reported unmatched, "left out").
    public var leftOut: Set<Enrolment.ID> = []
    /// Mentors who have not completed the programme's mentor training; excluded when the
    /// settings ask for training first.
    public var untrainedMentors: Set<Person.ID> = []
    /// Hard rules left out of this run, to see what each costs (the plan's what-if); never for a published plan.
    public var relaxed: HardRules = []
    /// Minimise the worst match first, then maximise the total.
    public var fairness: Bool
    public var seed: UInt64
    public var now: Date

    /// Creates a request; settings default to the format's.
    public init(cycle: Cycle.ID, format: MentoringFormat, settings: MatchingSettings? = nil, enrolments: [Enrolment], people: [Person],
                conflicts: Set<PersonPair> = [], previousPairs: Set<PersonPair> = [], locked: [(mentee: Enrolment.ID, mentor: Enrolment.ID)] = [],
                fairness: Bool = false, seed: UInt64 = 1, now: Date) {
        self.cycle = cycle
        self.format = format
        self.settings = settings ?? .defaults(for: format)
        self.enrolments = enrolments
        self.people = people
        self.conflicts = conflicts
        self.previousPairs = previousPairs
        self.locked = locked
        self.fairness = fairness
        self.seed = seed
        self.now = now
    }

    /// The pairs the rotation rule excludes: earlier cycles' when the programme rotates, and this cycle's ended ones.
    var excludedPairs: Set<PersonPair> { (settings.rotation ? previousPairs : []).union(endedPairs) }
}

/// A matching run that can't go ahead, and what to change.
extension MatchRequest {
    /// A hand-made pair written `MENTEE_ENROLMENT_ID:MENTOR_ENROLMENT_ID` (the command line's
    /// `--lock`, the plan page's links), or nil when the text isn't one.
    public static func lock(parsing text: String) -> (mentee: Enrolment.ID, mentor: Enrolment.ID)? {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 2, let mentee = Enrolment.ID(parts[0]), let mentor = Enrolment.ID(parts[1]) else { return nil }
        return (mentee, mentor)
    }
}

public struct MatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
