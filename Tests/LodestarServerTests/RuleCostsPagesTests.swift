import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The plan's what-if in the browser and the API: the manager follows the plan's link and reads
/// what each rule costs; the API answers the same figures.
@Suite("What each rule costs, in the browser and the API")
struct RuleCostsPagesTests {
    @Test("the plan links its what-if; the page and the API give each rule's plan as the use case makes it; a mentor is refused")
    func whatIf() async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(.sqlite, demo: true, prepare: { store in
            try await ApplicationPagesTests.signIn(store)
            _ = try await ProgrammeOffice(store: store, principal: .commandLine).move(demo.cycle.id, to: .matching)
        }) { client, store in
            let manager = ApplicationPagesTests.manager, mentor = ApplicationPagesTests.mentor
            let (_, plan) = try await client.page("/cycles/\(demo.cycle.id)/plan?seed=3", as: manager)
            #expect(plan.contains(#"<a href="/cycles/\#(demo.cycle.id)/plan/what-if?seed=3" id="rule-costs-link">What each rule costs</a>"#))
            let (status, page) = try await client.page("/cycles/\(demo.cycle.id)/plan/what-if?seed=3", as: manager)
            #expect(status == .ok)
            let costs = try await PlanReview(store: store, principal: .commandLine).ruleCosts(demo.cycle.id, PlanReview.Query(seed: 3), now: Date()).costs
            let seniority = try #require(costs.rules.first { $0.rule == .seniority }, "the demo's level gaps exclude pairs")
            #expect(page.contains("<td><strong>seniority</strong><br><span class=\"meta\">their levels don&#39;t suit the format</span></td><td class=\"num\">\(seniority.excludedPairs.formatted())</td>"))
            #expect(page.contains("<td>\(seniority.statistics.matched) of \(seniority.statistics.mentees) ("))

            let (apiStatus, json) = try await client.json(.post, "/api/v1/cycles/\(demo.cycle.id)/plan/what-if", #"{"seed": 3}"#)
            #expect(apiStatus == .ok)
            let rules = try #require(value(json, "rules") as? [[String: Any]])
            #expect(rules.map { $0["rule"] as? String } == costs.rules.map(\.rule.rawValue))
            let first = try #require(rules.first?["statistics"] as? [String: Any])
            #expect(first["matched"] as? Int == costs.rules.first?.statistics.matched)

            #expect(try await client.page("/cycles/\(demo.cycle.id)/plan/what-if", as: mentor).0 == .forbidden)
        }
    }
}
