import Foundation
import LodestarCore

/// The plan's what-if: for each hard rule that excludes pairs, the plan made again without it.
struct RuleCostsView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let lead: String
    let planLink: String
    let lines: [Line]
    let hasLines: Bool
    /// What the programme's matching priority changes, when it has one.
    let priority: String?

    struct Line {
        let rule: String
        let meaning: String
        let excluded: String
        let coverage: String
        let meanScore: String
        let reached: String
        let displaced: String?
    }

    /// Names, the first `shown` of them, and how many more.
    static func names(_ names: [String], shown: Int = 12) -> String {
        guard !names.isEmpty else { return "none" }
        let first = names.prefix(shown).joined(separator: ", ")
        return names.count > shown ? "\(first) and \(names.count - shown) more" : first
    }

    init(cycle: Cycle, programme: Programme, costs: RuleCosts, links: PlanLinks) {
        let now = costs.plan.statistics
        title = "What each rule costs · \(cycle.name)"
        heading = "What each hard rule costs \(cycle.name)'s plan"
        crumbs = Crumb.toCycle(programme.name, cycle) + [Crumb("Matching", links.plan())]
        lead = "The plan as it stands matches \(now.matched) of \(now.mentees) mentees (\(Self.percent(now.coverage))), mean score \(now.meanScore.written(decimals: 1)). "
            + "Each line is the plan made again, proven optimal, with that rule alone left out — what the rule costs, before you decide to change the programme's settings. Nothing changes here."
        planLink = links.plan()
        lines = costs.rules.map { line in
            let then = line.statistics
            return Line(rule: line.rule.rawValue, meaning: line.rule.explanation, excluded: line.excludedPairs.formatted(),
                        coverage: "\(then.matched) of \(then.mentees) (\(Self.percent(then.coverage)), \(Self.signed(then.matched - now.matched)))",
                        meanScore: "\(then.meanScore.written(decimals: 1)) (\(Self.signed(then.meanScore - now.meanScore)))",
                        reached: Self.names(line.reached), displaced: line.displaced.isEmpty ? nil : Self.names(line.displaced))
        }
        hasLines = !lines.isEmpty
        priority = costs.priority?.summary
    }

    private static func percent(_ share: Double) -> String { "\((share * 100).written(decimals: 0)) %" }
    private static func signed(_ change: Int) -> String { change > 0 ? "+\(change)" : change == 0 ? "±0" : "\(change)" }
    private static func signed(_ change: Double) -> String { change >= 0.05 ? "+\(change.written(decimals: 1))" : change <= -0.05 ? change.written(decimals: 1) : "±0" }
}
