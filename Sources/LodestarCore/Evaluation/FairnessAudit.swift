import Foundation

/// Diversity and inclusion (PRODUCT.md M17): how matching served each opt-in group of a cycle —
/// who is represented among applicants, mentors and mentees, and for the mentees of each group
/// the match rate, the mean and lowest match score, how their meetings felt and how many of their
/// relationships ended early. Groups are what people chose to say of themselves ("not given"
/// when they said nothing); a group of fewer than five mentees — or one the others would give away
/// — is hidden, as survey results are.
public struct FairnessAudit: Sendable {
    public let cycle: Cycle
    public let programme: Programme
    /// Gender, ethnicity, age band, disability.
    public let dimensions: [Dimension]

    public struct Dimension: Sendable {
        public let name: String
        public let groups: [Group]
    }

    /// One group's figures; all nil when the group is hidden.
    public struct Group: Sendable, Equatable {
        public let label: String
        public let hidden: Bool
        public let figures: Figures?
    }

    public struct Figures: Sendable, Equatable {
        /// Applicants and mentors of the group; nil where their own count is too small to show.
        public let applicants: Int?
        public let mentors: Int?
        public let mentees: Int
        public let matched: Int
        public let meanScore: Double?
        public let lowestScore: Double?
        /// Days from a matched mentee's application to their relationship's start, the median.
        public let medianDaysToMatch: Double?
        /// The mean of the pulses the group's mentees gave, with how many.
        public let meanPulse: Double?
        public let pulses: Int
        public let endedEarly: Int
        public var matchRate: Double? { mentees > 0 ? Double(matched) / Double(mentees) : nil }
    }

    /// The label of a person who said nothing of themselves in a dimension.
    public static let notGiven = "not given"

    /// What a matching priority did to the cycle's published plan, when it had one.
    public var priority: PriorityEffect? { cycle.priorityEffect }

    /// What the cycle's records say of each group.
    struct Records {
        let cycle: Cycle
        let programme: Programme
        let enrolments: [Enrolment]
        let applicants: [Person.ID]
        /// When each applicant applied.
        let appliedAt: [Person.ID: Date]
        let people: [Person.ID: Person]
        let relationships: [Relationship]
        let pulses: [MeetingPulse]
    }

    init(_ records: Records) {
        let mentees = records.enrolments.filter { $0.role == .mentee }.map(\.personID)
        let mentors = records.enrolments.filter { $0.role == .mentor }.map(\.personID)
        let end = records.cycle.dates.end
        var relationshipsOf: [Person.ID: [Relationship]] = [:]
        for relationship in records.relationships { for member in relationship.members { relationshipsOf[member.person, default: []].append(relationship) } }
        let pulsesOf = Dictionary(grouping: records.pulses, by: \.personID)
        dimensions = MenteePriority.Dimension.allCases.map { dimension in
            let name = dimension.label
            func label(_ person: Person.ID) -> String { records.people[person].map { dimension.group(of: $0.demographics) } ?? Self.notGiven }
            let byGroup = Dictionary(grouping: mentees, by: label)
            let labels = byGroup.keys.sorted { ($0 == Self.notGiven ? 1 : 0, $0) < ($1 == Self.notGiven ? 1 : 0, $1) }
            let hidden = SmallGroups.hidden(labels.map { byGroup[$0]?.count ?? 0 })
            let applicants = Self.shown(Dictionary(grouping: records.applicants, by: label).mapValues(\.count))
            let mentorCounts = Self.shown(Dictionary(grouping: mentors, by: label).mapValues(\.count))
            return Dimension(name: name, groups: labels.enumerated().map { index, group in
                guard !hidden.contains(index), let people = byGroup[group] else { return Group(label: group, hidden: true, figures: nil) }
                let theirs = people.flatMap { relationshipsOf[$0] ?? [] }
                let scores = theirs.map(\.score)
                let pulses = people.flatMap { person in (pulsesOf[person] ?? []).filter { pulse in theirs.contains { $0.id == pulse.relationshipID } } }
                let early = theirs.filter { relationship in relationship.endedAt.map { ended in end.map { ended < $0 } ?? true } ?? false }
                return Group(label: group, hidden: false, figures: Figures(
                    applicants: applicants[group] ?? 0, mentors: mentorCounts[group] ?? 0, mentees: people.count,
                    matched: people.filter { relationshipsOf[$0] != nil }.count,
                    meanScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count), lowestScore: scores.min(),
                    medianDaysToMatch: CycleIndicators.median(people.flatMap { person in
                        (relationshipsOf[person] ?? []).compactMap { relationship in
                            records.appliedAt[person].map { max(0, relationship.startedAt.timeIntervalSince($0)) / 86_400 }
                        }
                    }),
                    meanPulse: pulses.isEmpty ? nil : Double(pulses.reduce(0) { $0 + $1.rating }) / Double(pulses.count), pulses: pulses.count,
                    endedEarly: early.count))
            })
        }
        cycle = records.cycle
        programme = records.programme
    }

    /// The counts that may be shown: a hidden one is left out (read as none shown, not as zero).
    private static func shown(_ counts: [String: Int]) -> [String: Int?] {
        let labels = Array(counts.keys), hidden = SmallGroups.hidden(labels.map { counts[$0] ?? 0 })
        return Dictionary(uniqueKeysWithValues: labels.enumerated().map { index, label in (label, hidden.contains(index) ? nil : counts[label]) })
    }
}

extension FairnessAudit {
    public static let csvHeader = ["dimension", "group", "hidden", "applicants", "mentors", "mentees", "matched", "match_rate_percent",
                                   "mean_score", "lowest_score", "mean_pulse", "pulses", "ended_early", "median_days_to_match"]

    /// A line per group; a hidden group's figures are left empty.
    public var csvRows: [[String]] {
        dimensions.flatMap { dimension in
            dimension.groups.map { group in
                let figures = group.figures
                func number(_ value: Double?, _ decimals: Int) -> String { value.map { $0.written(decimals: decimals) } ?? "" }
                return [dimension.name, group.label, group.hidden ? "yes" : "no", figures?.applicants.map(String.init) ?? "",
                        figures?.mentors.map(String.init) ?? "", figures.map { String($0.mentees) } ?? "", figures.map { String($0.matched) } ?? "",
                        number(figures?.matchRate.map { $0 * 100 }, 1), number(figures?.meanScore, 1), number(figures?.lowestScore, 1),
                        number(figures?.meanPulse, 2), figures.map { String($0.pulses) } ?? "", figures.map { String($0.endedEarly) } ?? "", number(figures?.medianDaysToMatch, 1)]
            }
        }
    }
}
