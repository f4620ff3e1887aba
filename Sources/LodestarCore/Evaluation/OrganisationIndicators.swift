import Foundation

/// The organisation's programmes side by side, each over all its cycles, and all of them together
/// (PRODUCT.md M15): what leadership reads first. Counts add up; shares and means are worked out
/// again from the sums, never averaged from the programmes' own.
public struct OrganisationIndicators: Sendable, Equatable {
    /// One programme's cycles added up, or every programme's.
    public struct Totals: Sendable, Equatable {
        public let cycles: Int
        public let mentorsEnrolled: Int
        public let menteesEnrolled: Int
        public let relationships: Int
        public let matchedMentees: Int
        public let meetings: Int
        public let mentoringMinutes: Int
        public let goalsSet: Int
        public let goalsAchieved: Int
        public let pulses: Int
        public let pulseTotal: Double
        public let endedEarly: Int
        public let completedMentees: Int

        init(_ cycles: [CycleIndicators]) {
            func sum(_ value: (CycleIndicators) -> Int) -> Int { cycles.reduce(0) { $0 + value($1) } }
            self.cycles = cycles.count
            mentorsEnrolled = sum { $0.enrolled[.mentor] ?? 0 }
            menteesEnrolled = sum { $0.enrolled[.mentee] ?? 0 }
            relationships = sum(\.relationships)
            matchedMentees = sum(\.matchedMentees)
            meetings = sum(\.meetings)
            mentoringMinutes = sum(\.mentoringMinutes)
            goalsSet = sum(\.goalsSet)
            goalsAchieved = sum(\.goalsAchieved)
            pulses = sum(\.pulses)
            pulseTotal = cycles.reduce(0) { $0 + ($1.meanPulse ?? 0) * Double($1.pulses) }
            endedEarly = sum(\.endedEarly)
            completedMentees = sum { $0.completedMentees ?? 0 }
        }

        /// The totals as the reports list them.
        public var table: [Indicator] {
            func share(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? 100 * Double(part) / Double(whole) : nil }
            return [
                Indicator(key: "cycles", label: "Cycles", value: Double(cycles), unit: .count),
                Indicator(key: "mentors-enrolled", label: "Mentors enrolled", value: Double(mentorsEnrolled), unit: .count),
                Indicator(key: "mentees-enrolled", label: "Mentees enrolled", value: Double(menteesEnrolled), unit: .count),
                Indicator(key: "relationships", label: "Relationships", value: Double(relationships), unit: .count),
                Indicator(key: "match-rate", label: "Mentees matched, of those enrolled", value: share(matchedMentees, menteesEnrolled), unit: .percent),
                Indicator(key: "meetings", label: "Meetings held", value: Double(meetings), unit: .count),
                Indicator(key: "mentoring-hours", label: "Mentoring hours", value: Double(mentoringMinutes) / 60, unit: .hours),
                Indicator(key: "goal-completion", label: "Goals achieved, of those set", value: share(goalsAchieved, goalsSet), unit: .percent),
                Indicator(key: "pulse", label: "How meetings felt (mean pulse)", value: pulses > 0 ? pulseTotal / Double(pulses) : nil, unit: .rating),
                Indicator(key: "ended-early", label: "Relationships ended early", value: Double(endedEarly), unit: .count),
                Indicator(key: "mentees-completed", label: "Mentees who completed a cycle", value: Double(completedMentees), unit: .count),
            ]
        }
    }

    /// Each programme the reader may see, by name, with its totals.
    public let programmes: [(programme: Programme, totals: Totals)]
    /// Every programme together.
    public let all: Totals

    init(_ programmes: [ProgrammeIndicators]) {
        self.programmes = programmes.map { ($0.programme, Totals($0.cycles)) }
        all = Totals(programmes.flatMap(\.cycles))
    }

    public static func == (lhs: OrganisationIndicators, rhs: OrganisationIndicators) -> Bool {
        lhs.all == rhs.all && lhs.programmes.map(\.programme) == rhs.programmes.map(\.programme) && lhs.programmes.map(\.totals) == rhs.programmes.map(\.totals)
    }

    /// A line per indicator, a column per programme and one for all of them.
    public var csvHeader: [String] { ["indicator", "key", "unit"] + programmes.map(\.programme.name) + ["all programmes"] }

    public var csvRows: [[String]] {
        let tables = programmes.map(\.totals.table) + [all.table]
        return all.table.indices.map { index in
            let first = all.table[index]
            return [first.label, first.key, first.unit.rawValue] + tables.map { $0[index].csvValue }
        }
    }
}

extension Evaluation {
    /// Every programme the principal manages (all for an admin), each over all its cycles, at `now`.
    public func organisation(now: Date) async throws -> OrganisationIndicators {
        try principal.requireManagement("reading the organisation's indicators")
        var programmes: [ProgrammeIndicators] = []
        for programme in try await store.programmes(ids: principal.isAdmin ? nil : principal.managedProgrammes) where principal.manages(programme.id) {
            programmes.append(try await measure(programme, now: now))
        }
        return OrganisationIndicators(programmes)
    }
}
