import Foundation

/// What each hard rule costs a plan (PRODUCT.md M5, the plan's what-if): for each rule that
/// excludes at least one pair, the plan made again with that rule alone left out — its coverage
/// and mean score, and the mentees it would reach who are unmatched now — so a manager sees which
/// rule keeps whom unmatched before deciding to change the programme's settings. Capacity and
/// "the same person" are facts, not settings, and are not tried.
public struct RuleCosts: Sendable {
    /// The plan as it stands.
    public let plan: MatchPlan
    /// One line per rule that excludes pairs now, the costliest (most mentees reached) first.
    public let rules: [Relaxed]
    /// With a matching priority: the plan beside the plan made without it.
    public let priority: PriorityEffect?

    public struct Relaxed: Sendable {
        public let rule: HardRule
        /// Pairs the rule excludes in the plan as it stands.
        public let excludedPairs: Int
        /// The plan with this rule left out.
        public let statistics: MatchPlan.Statistics
        /// Mentees unmatched now whom the plan without the rule matches, by name.
        public let reached: [String]
        /// Mentees matched now whom the plan without the rule leaves unmatched (a stronger match took their mentor).
        public let displaced: [String]
    }

    /// The rules a manager can change.
    public static let relaxable = HardRule.allCases.filter { $0 != .capacity && $0 != .samePerson }

    /// Plans `request` as it is and once per relaxable rule that excludes a pair, that rule left out.
    public static func of(_ request: MatchRequest) throws -> RuleCosts {
        try of(request, plan: try MatchPlanner.plan(request))
    }

    /// As `of(_:)`, with the plan of `request` already made.
    public static func of(_ request: MatchRequest, plan: MatchPlan) throws -> RuleCosts {
        let matched = Set(plan.proposals.map(\.mentee))
        var lines: [Relaxed] = []
        for rule in relaxable {
            guard let excluded = plan.statistics.excludedPairs[rule], excluded > 0 else { continue }
            var relaxed = request
            relaxed.relaxed.insert(HardRules(rule))
            let other = try MatchPlanner.plan(relaxed)
            let matchedThen = Set(other.proposals.map(\.mentee))
            lines.append(Relaxed(rule: rule, excludedPairs: excluded, statistics: other.statistics,
                                 reached: other.proposals.filter { !matched.contains($0.mentee) }.map(\.menteeName).sorted(),
                                 displaced: plan.proposals.filter { !matchedThen.contains($0.mentee) }.map(\.menteeName).sorted()))
        }
        return RuleCosts(plan: plan, rules: lines.sorted { ($1.reached.count, $0.rule) < ($0.reached.count, $1.rule) },
                         priority: try PriorityEffect.of(request, plan: plan))
    }
}
