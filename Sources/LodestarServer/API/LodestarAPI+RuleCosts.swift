import Foundation
import LodestarCore
import OpenAPIRuntime

/// `/api/v1/cycles/{id}/plan/what-if`: what each hard rule costs a plan — the plan page's what-if.
extension LodestarAPI {
    func planRuleCosts(_ input: Operations.PlanRuleCosts.Input) async throws -> Operations.PlanRuleCosts.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let (principal, query) = try await planning(cycleID) { switch input.body { case .json(let json): try json.read() } }
        let (cycle, _, costs) = try await PlanReview(store: store, principal: principal, plans: plans).ruleCosts(cycleID, query, now: try APIRequest.current().now)
        return .ok(.init(body: .json(RuleCostsBody(cycle: cycle.id, costs))))
    }
}

/// Each hard rule's cost to a plan, as the API shows it.
struct RuleCostsBody: Encodable, Hashable, Sendable {
    struct Rule: Encodable, Hashable, Sendable {
        let rule: String
        let explanation: String
        let excludedPairs: Int
        let statistics: PlanBody.Statistics
        let reached: [String]
        let displaced: [String]
    }
    let cycleId: String
    let statistics: PlanBody.Statistics
    let rules: [Rule]
    let priority: PriorityEffectBody?

    init(cycle: Cycle.ID, _ costs: RuleCosts) {
        cycleId = cycle.description
        statistics = PlanBody.Statistics(costs.plan.statistics)
        rules = costs.rules.map {
            Rule(rule: $0.rule.rawValue, explanation: $0.rule.explanation, excludedPairs: $0.excludedPairs, statistics: PlanBody.Statistics($0.statistics),
                 reached: $0.reached, displaced: $0.displaced)
        }
        priority = costs.priority.map(PriorityEffectBody.init)
    }
}

/// What a matching priority did to a plan, as the API shows it: the counts and the sentence the pages show.
struct PriorityEffectBody: Encodable, Hashable, Sendable {
    let priority: MenteePriority
    let figures: PriorityEffect.Figures?
    let summary: String

    init(_ effect: PriorityEffect) {
        priority = effect.priority
        figures = effect.figures
        summary = effect.summary
    }
}
