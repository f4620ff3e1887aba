import Foundation
import HummingbirdTesting
import LodestarCore
import LodestarTestSupport
import Testing

@Suite("Running and publishing a matching from the cycle page")
struct MatchingPageTests {
    @Test("the manager runs the plan, publishes it once; the mentee then sees their mentor at home")
    func publishFromThePage() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let manager = callers.value[.manager]!, mentee = callers.value[.mentee]!
            guard case .session(_, let csrf) = manager else { Issue.record("the manager signs in with a session"); return }
            let cycle = "/cycles/\(demo.cycle.id)"
            let (moved, _) = try await client.json(.put, "/api/v1\(cycle)", #"{"state":"matching"}"#, as: manager)
            #expect(moved == .ok)
            let (_, cyclePage) = try await client.page(cycle, as: manager)
            #expect(cyclePage.contains("\(cycle)/plan"))
            let (status, plan) = try await client.page("\(cycle)/plan?seed=3", as: manager)
            #expect(status == .ok && plan.contains("Proven optimal") && plan.contains("Publish this matching") && plan.contains("goal-skill-fit"))
            let (badSeed, _) = try await client.page("\(cycle)/plan?seed=abc", as: manager)
            #expect(badSeed == .unprocessableContent)
            let published = try await client.form("\(cycle)/publish", ["csrf": csrf, "seed": "3"], as: manager)
            #expect(published.status == .seeOther && published.headers[.location] == cycle)
            let (_, after) = try await client.page(cycle, as: manager)
            #expect(after.contains("Relationships") && after.contains("state-active"))
            let again = try await client.form("\(cycle)/publish", ["csrf": csrf, "seed": "3"], as: manager)
            #expect(again.status == .seeOther)
            let (_, home) = try await client.page("/", as: mentee)
            #expect(home.contains("Your mentoring") && home.contains("your mentor"))
            let (outbox, _) = try await client.page("/admin/outbox")
            #expect(outbox == .ok)
        }
    }
}
