import Foundation

/// An optional matching priority for under-represented mentees (PRODUCT.md M17): when places
/// are short, a mentee who describes themselves as one of `groups` in `dimension` counts as if
/// each of their pairs scored `points` more. It decides who is matched when not everyone can be;
/// it never changes a pair's score, and never pairs anyone a hard rule excludes.
public struct MenteePriority: Sendable, Hashable, Codable {
    /// The self-described fields a priority may look at (the fairness audit's dimensions).
    public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
        case gender
        case ethnicity
        case ageBand = "age-band"
        case disability

        /// The dimension's name, as the audit writes it.
        public var label: String {
            switch self {
            case .gender: "Gender"
            case .ethnicity: "Ethnicity"
            case .ageBand: "Age band"
            case .disability: "Disability"
            }
        }

        /// What a person said of themselves in this dimension, as the audit groups it: trimmed and in
        /// lower case, "not given" when they said nothing.
        public func group(of demographics: Demographics) -> String {
            let given: String = switch self {
            case .gender: demographics.gender
            case .ethnicity: demographics.ethnicity
            case .ageBand: demographics.ageBand
            case .disability: demographics.disability
            }
            let trimmed = given.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? FairnessAudit.notGiven : trimmed.lowercased()
        }
    }

    public var dimension: Dimension
    /// The groups given priority, as people describe themselves (matched without regard to case).
    public var groups: [String]
    /// How many score points (1–30) a prioritised mentee's pair counts for more when places are short.
    public var points: Int

    /// The most points a priority gives: enough to outweigh most differences in fit, not every one.
    public static let points = 1...30

    /// Creates a priority.
    public init(dimension: Dimension, groups: [String], points: Int) {
        self.dimension = dimension
        self.groups = groups
        self.points = points
    }

    /// Whether a person with `demographics` is prioritised.
    public func includes(_ demographics: Demographics) -> Bool {
        let group = dimension.group(of: demographics)
        return group != FairnessAudit.notGiven && groups.contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == group }
    }

    /// The priority in words, for the plan and the audit.
    public var summary: String {
        let names = groups.map { "“\($0.trimmingCharacters(in: .whitespaces))”" }
        return "mentees whose \(dimension.label.lowercased()) is \(names.joined(separator: " or ")) count \(points) points more when places are short"
    }

    /// Problems with the priority, by field.
    var issues: [FieldIssue] {
        var issues: [FieldIssue] = []
        if !Self.points.contains(points) {
            issues.append(FieldIssue(field: "matching.menteePriority.points", message: "\(points) is not from 1 to 30 points"))
        }
        let named = groups.map { $0.trimmingCharacters(in: .whitespaces) }
        if named.isEmpty || named.count > 10 || named.contains(where: \.isEmpty) {
            issues.append(FieldIssue(field: "matching.menteePriority.groups", message: "name 1 to 10 groups, none empty, as people describe themselves (e.g. woman)"))
        } else if let long = named.first(where: { $0.count > 60 }) {
            issues.append(FieldIssue(field: "matching.menteePriority.groups", message: "'\(long.prefix(20))…' is longer than 60 characters"))
        } else if named.contains(where: { $0.lowercased() == FairnessAudit.notGiven }) {
            issues.append(FieldIssue(field: "matching.menteePriority.groups", message: "“not given” is no group: a priority is for groups people describe themselves as"))
        }
        return issues
    }
}

/// What a matching priority did to a plan: the plan with it beside the plan without it. Only
/// counts, never names, and none when the prioritised mentees or the others are too few to keep
/// anyone's self-description to themselves.
public struct PriorityEffect: Sendable, Hashable, Codable {
    public let priority: MenteePriority
    /// Figures shown only when both the prioritised mentees and the others are enough in number.
    public let figures: Figures?

    public struct Figures: Sendable, Hashable, Codable {
        /// The mentees of the plan in the prioritised groups.
        public let prioritised: Int
        public let matchedWith: Int
        public let matchedWithout: Int
        /// The whole cohort's coverage and mean score, with the priority and without it.
        public let coverageWith: Double
        public let coverageWithout: Double
        public let meanScoreWith: Double
        public let meanScoreWithout: Double
    }

    /// The effect of the request's priority on its plan (nil without one): the plan made again without it.
    public static func of(_ request: MatchRequest, plan: MatchPlan) throws -> PriorityEffect? {
        guard let priority = request.settings.priority(for: request.format) else { return nil }
        var without = request
        without.settings.menteePriority = nil
        return PriorityEffect(priority, with: plan, without: try MatchPlanner.plan(without), prioritised: MatchPlanner.prioritised(in: request))
    }

    /// The effect of `priority`, from the plan made with it and the plan made without it.
    init(_ priority: MenteePriority, with plan: MatchPlan, without other: MatchPlan, prioritised: Set<Enrolment.ID>) {
        self.priority = priority
        let others = plan.statistics.mentees - prioritised.count
        guard SmallGroups.hidden([prioritised.count, others]).isEmpty, prioritised.count > 0 else {
            figures = nil
            return
        }
        func matched(_ plan: MatchPlan) -> Int { plan.proposals.filter { prioritised.contains($0.mentee) }.count }
        figures = Figures(prioritised: prioritised.count, matchedWith: matched(plan), matchedWithout: matched(other),
                          coverageWith: plan.statistics.coverage, coverageWithout: other.statistics.coverage,
                          meanScoreWith: plan.statistics.meanScore, meanScoreWithout: other.statistics.meanScore)
    }

    /// The effect in a sentence.
    public var summary: String {
        guard let figures else {
            return "Priority: \(priority.summary). Its effect is not shown: the prioritised mentees or the others are fewer than \(SmallGroups.minimum)."
        }
        return "Priority: \(priority.summary). \(figures.matchedWith) of the \(figures.prioritised) prioritised mentees are matched with it, "
            + "\(figures.matchedWithout) would be without it; the cohort's coverage is \((figures.coverageWith * 100).written(decimals: 1)) % with it "
            + "and \((figures.coverageWithout * 100).written(decimals: 1)) % without, its mean score \(figures.meanScoreWith.written(decimals: 1)) "
            + "and \(figures.meanScoreWithout.written(decimals: 1))."
    }
}
