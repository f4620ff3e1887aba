import Foundation

/// When in a cycle a competency is rated: at its start and at its end, so growth shows.
public enum AssessmentMoment: String, Sendable, Codable, CaseIterable, Choice {
    case start, end
}

/// Whose view a rating is: the mentee's own, their mentor's, or their line manager's — the
/// three sides of a 360° view.
public enum AssessmentPerspective: String, Sendable, Codable, CaseIterable, Choice {
    case mentee, mentor
    case lineManager = "line-manager"

    public var words: String {
        switch self {
        case .mentee: "self"
        case .mentor: "mentor"
        case .lineManager: "line manager"
        }
    }
}

/// One rater's view of a mentee's focus competencies at one moment of a cycle: 1 (beginning) to 5
/// (a strength), with a note.
public struct CompetencyAssessment: Sendable, Equatable {
    public let cycleID: Cycle.ID
    public let menteeID: Person.ID
    public let raterID: Person.ID
    public let perspective: AssessmentPerspective
    public let moment: AssessmentMoment
    /// By competency slug.
    public let ratings: [String: Int]
    public let note: String
    public let givenAt: Date

    /// Creates an assessment.
    public init(cycleID: Cycle.ID, menteeID: Person.ID, raterID: Person.ID, perspective: AssessmentPerspective, moment: AssessmentMoment,
                ratings: [String: Int], note: String, givenAt: Date) {
        self.cycleID = cycleID
        self.menteeID = menteeID
        self.raterID = raterID
        self.perspective = perspective
        self.moment = moment
        self.ratings = ratings
        self.note = note
        self.givenAt = givenAt
    }

    /// The ratings a form or the API sent — one per competency, 1 to 5 — or what to fix, each
    /// named by its competency.
    public static func ratings(_ values: [String: String], for competencies: [String]) throws(ValidationError) -> [String: Int] {
        var ratings: [String: Int] = [:], issues: [FieldIssue] = []
        for slug in competencies {
            guard let value = WholeNumber.parse(values[slug]?.trimmingCharacters(in: .whitespaces) ?? ""), (1...5).contains(value) else {
                issues.append(FieldIssue(field: slug, message: "rate it from 1 (just beginning) to 5 (a strength)"))
                continue
            }
            ratings[slug] = value
        }
        for unknown in values.keys.filter({ !competencies.contains($0) }).sorted() {
            issues.append(FieldIssue(field: unknown, message: "is not one of the programme's focus competencies (\(competencies.joined(separator: ", ")))"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        return ratings
    }
}

/// How a mentee's focus competencies moved over a cycle, from each side that rated them.
public struct Growth: Sendable {
    /// One competency: each perspective's start, end and change.
    public struct Line: Sendable {
        public let competency: String
        public let name: String
        public let views: [View]
    }

    public struct View: Sendable {
        public let perspective: AssessmentPerspective
        public let start: Int?
        public let end: Int?
        public var change: Int? { start.flatMap { start in end.map { $0 - start } } }
    }

    public let lines: [Line]

    /// The growth `assessments` show on `competencies` (slug and name), perspectives in order.
    init(_ assessments: [CompetencyAssessment], competencies: [(slug: String, name: String)]) {
        lines = competencies.map { competency in
            Line(competency: competency.slug, name: competency.name, views: AssessmentPerspective.allCases.compactMap { perspective in
                let own = assessments.filter { $0.perspective == perspective }
                let start = own.first { $0.moment == .start }?.ratings[competency.slug], end = own.first { $0.moment == .end }?.ratings[competency.slug]
                return start == nil && end == nil ? nil : View(perspective: perspective, start: start, end: end)
            })
        }
    }
}

/// A cycle's growth for its managers: per focus competency, the mentees' own ratings at the
/// start and the end, as means over those who gave both — hidden below `SmallGroups.minimum`.
public struct CohortGrowth: Sendable {
    public struct Line: Sendable {
        public let competency: String
        public let name: String
        /// Mentees who rated it at both moments; nil when hidden.
        public let mentees: Int?
        public let start: Double?
        public let end: Double?
        public var change: Double? { start.flatMap { start in end.map { $0 - start } } }
    }

    public let cycle: Cycle
    public let programme: Programme
    public let lines: [Line]

    init(cycle: Cycle, programme: Programme, selfAssessments: [CompetencyAssessment], competencies: [(slug: String, name: String)]) {
        self.cycle = cycle
        self.programme = programme
        let byMentee = Dictionary(grouping: selfAssessments.filter { $0.perspective == .mentee }, by: \.menteeID)
        lines = competencies.map { competency in
            let pairs = byMentee.values.compactMap { own -> (Int, Int)? in
                guard let start = own.first(where: { $0.moment == .start })?.ratings[competency.slug],
                      let end = own.first(where: { $0.moment == .end })?.ratings[competency.slug] else { return nil }
                return (start, end)
            }
            guard !SmallGroups.hidden([pairs.count]).contains(0), !pairs.isEmpty else {
                return Line(competency: competency.slug, name: competency.name, mentees: pairs.isEmpty ? 0 : nil, start: nil, end: nil)
            }
            let count = Double(pairs.count)
            return Line(competency: competency.slug, name: competency.name, mentees: pairs.count,
                        start: Double(pairs.map(\.0).reduce(0, +)) / count, end: Double(pairs.map(\.1).reduce(0, +)) / count)
        }
    }
}
