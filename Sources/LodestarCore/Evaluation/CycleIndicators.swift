import Foundation

/// What a cycle achieved, as its managers report it to leadership (PRODUCT.md M15): who applied
/// and enrolled, how many mentees were matched and how soon, whether pairs met and kept meeting,
/// hours, agreements, goals, how the meetings felt, poor fits and early endings. Counts and
/// figures only — never what anyone wrote. A share is nil while its denominator is zero.
public struct CycleIndicators: Sendable, Equatable {
    public let cycle: Cycle
    public let programme: Programme
    /// Applications sent (invitations never answered are not counted), by role.
    public let applied: [EnrolmentRole: Int]
    public let enrolled: [EnrolmentRole: Int]
    public let relationships: Int
    /// Mentees in at least one relationship of the cycle.
    public let matchedMentees: Int
    /// Mentees in a relationship that held at least one meeting.
    public let menteesWhoMet: Int
    /// Once the cycle has closed: mentees whose relationship lasted to its end.
    public let completedMentees: Int?
    /// Days from a mentee's application to their relationship's start, the median; nil without applications.
    public let medianDaysToMatch: Double?
    /// Of the relationships at least 14 days old (or that met sooner), the share that met within 14 days of starting.
    public let metWithin14Days: Double?
    /// Meetings held per relationship per month of mentoring, against the cadence's `expectedPerMonth`.
    public let meetingsPerMonth: Double?
    public let expectedPerMonth: Double
    public let meetings: Int
    public let mentoringMinutes: Int
    /// Relationships whose current agreement every participant signed.
    public let agreementsSigned: Int
    public let goalsSet: Int
    public let goalsAchieved: Int
    /// The mean of every pulse given (1–5), with how many.
    public let meanPulse: Double?
    public let pulses: Int
    /// Relationships someone in them called not a fit.
    public let poorFits: Int
    /// Relationships ended before the cycle's end, by the reason given, the most common first.
    public let earlyEndings: [Ending]
    /// Every relationship's match score (0–100), for their distribution.
    public let scores: [Double]
    /// How many answers to the closed surveys' 1–5 questions gave each value (1 first), from
    /// surveys five or more answered.
    public let surveyAnswers: [Int]
    /// How many pulses gave each rating, 1 first.
    public let pulseRatings: [Int]
    /// The closed surveys' net promoter score (−100…100), from five answers up.
    public let netPromoterScore: Double?
    /// Each mentee's mean change, start to end, of their ratings of their focus competencies: their
    /// own, and their line managers' (360°); in order of the change, none under five mentees rated at both moments.
    public let selfGrowthChanges: [Double]
    public let lineManagerGrowthChanges: [Double]
    /// Week by week from the cycle's start (or its first match) to now or its end.
    public let weeks: [Week]

    public struct Ending: Sendable, Equatable {
        public let reason: String
        public let count: Int
    }

    public var matchRate: Double? { Self.share(matchedMentees, of: enrolled[.mentee] ?? 0) }
    public var agreementRate: Double? { Self.share(agreementsSigned, of: relationships) }
    public var goalCompletion: Double? { Self.share(goalsAchieved, of: goalsSet) }
    public var poorFitRate: Double? { Self.share(poorFits, of: relationships) }
    public var mentoringHours: Double { Double(mentoringMinutes) / 60 }
    public var endedEarly: Int { earlyEndings.reduce(0) { $0 + $1.count } }
    /// The mean answer to the closed surveys' 1–5 questions; nil without any.
    public var surveySatisfaction: Double? { Self.mean(of: surveyAnswers) }
    /// The mean change of the mentees' own ratings, and of their line managers'.
    public var selfGrowth: Double? { Self.mean(selfGrowthChanges) }
    public var lineManagerGrowth: Double? { Self.mean(lineManagerGrowthChanges) }

    /// The mean of values counted by value (`counts[0]` ones, `counts[1]` twos, …); nil for none.
    static func mean(of counts: [Int]) -> Double? {
        let total = counts.reduce(0, +)
        return total > 0 ? Double(counts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }) / Double(total) : nil
    }

    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    /// How many of `ratings` gave each value of 1 to 5, 1 first; any other value is not counted.
    static func counts(of ratings: some Sequence<Int>) -> [Int] {
        var counts = [Int](repeating: 0, count: 5)
        for rating in ratings where (1...5).contains(rating) { counts[rating - 1] += 1 }
        return counts
    }

    /// The mentees' way from applying to completing, each stage with how many reached it.
    public var funnel: [(stage: String, count: Int)] {
        [("applied", applied[.mentee] ?? 0), ("enrolled", enrolled[.mentee] ?? 0), ("matched", matchedMentees), ("met", menteesWhoMet)]
            + (completedMentees.map { [("completed", $0)] } ?? [])
    }

    static func share(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

    /// An average month, for meetings per month.
    static let monthSeconds = 365.25 / 12 * 86_400
}
