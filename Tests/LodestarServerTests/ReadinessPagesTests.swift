import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The readiness check in the browser: answering it, the gate on the cycle page with its
/// recorded override, and the admin's threshold — the rules and messages of the API.
@Suite("Readiness in the browser")
struct ReadinessPagesTests {
    static let manager = AdministrationPagesTests.manager

    @Test("a manager answers the check on its page: scores, gaps with actions, history; a note without an answer is refused, nothing saved")
    func answering() async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(demo: true, prepare: AdministrationPagesTests.signInManager) { client, store in
            let path = "/programmes/\(demo.programme.id)/readiness"
            let (status, page) = try await client.page(path, as: Self.manager)
            #expect(status == .ok)
            #expect(page.contains(#"id="readiness-overall">92 %"#) && page.contains("Ready: every dimension reaches 75 %."))
            #expect(page.contains("Bring senior and junior leaders together before pairs are made"), "the gap's suggested action")
            #expect(page.contains(#"name="level.organisation.culture" value="yes" checked"#))
            #expect(!page.contains("Set the threshold"), "only admins set the threshold")
            let before = try await store.readinessHistory(of: demo.programme.id, page: .first).total

            var fields = ["csrf": "demo-manager-csrf", "level.participants.commitment": "no", "note.participants.commitment": "Line managers refuse the time",
                          "note.development.needs": "only a note"]
            let refused = try await client.form(path, fields, as: Self.manager)
            #expect(refused.status == .unprocessableContent)
            let refusedPage = String(buffer: refused.body)
            #expect(refusedPage.contains("development.needs: choose yes, partly or no: a note alone is not an answer"))
            #expect(refusedPage.contains("Line managers refuse the time"), "the form keeps what was typed")
            #expect(try await store.readinessHistory(of: demo.programme.id, page: .first).total == before)
            #expect(try await client.form(path, ["csrf": "demo-manager-csrf", "level.programme.budget": "yes"], as: Self.manager).status == .unprocessableContent)

            fields["note.development.needs"] = nil
            #expect(try await client.form(path, fields, as: Self.manager).status == .seeOther)
            let (_, after) = try await client.page(path, as: Self.manager)
            #expect(after.contains("Not ready: Participants 25 % — below the threshold of 75 %."))
            #expect(after.contains("Line managers refuse the time"))
            #expect(try await store.readinessHistory(of: demo.programme.id, page: .first).total == before + 1)
            // The programme's page shows the same scores, with the way to the check.
            let (_, programmePage) = try await client.page("/programmes/\(demo.programme.id)", as: Self.manager)
            #expect(programmePage.contains(#"id="readiness-verdict">Not ready: Participants 25 %"#) && programmePage.contains(path))
        }
    }

    @Test("the cycle page holds a draft cycle below the threshold and opens it with a reason, recorded; the admin sets the threshold")
    func gateAndThreshold() async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(demo: true, prepare: AdministrationPagesTests.signInManager) { client, store in
            let programme = demo.programme.id
            try await Fixtures.answerReadiness(of: programme, store, .partly)  // 50 % everywhere
            #expect(try await client.form("/programmes/\(programme)/cycles", ["csrf": "demo-manager-csrf", "name": "2028 cohort"], as: Self.manager).status == .seeOther)
            let cycle = try #require(try await store.cycles(of: programme).first { $0.name == "2028 cohort" })
            let (_, draft) = try await client.page("/cycles/\(cycle.id)", as: Self.manager)
            #expect(draft.contains("Not ready: Organisation 50 %, Programme 50 %, Participants 50 %, Development 50 %"))
            #expect(draft.contains(#"name="readinessOverride""#), "the move asks for a reason")

            let held = try await client.form("/cycles/\(cycle.id)/state", ["csrf": "demo-manager-csrf", "state": "enrolling"], as: Self.manager)
            #expect(held.status == .unprocessableContent)
            #expect(String(buffer: held.body).contains("is not ready to open 2028 cohort"))
            #expect(try await store.cycle(cycle.id)?.state == .draft)
            let opened = try await client.form("/cycles/\(cycle.id)/state", ["csrf": "demo-manager-csrf", "state": "enrolling",
                                                                              "readinessOverride": "The board asked for a spring start"], as: Self.manager)
            let state = try await store.cycle(cycle.id)?.state
            #expect(opened.status == .seeOther && state == .enrolling)
            let (_, readiness) = try await client.page("/programmes/\(programme)/readiness", as: Self.manager)
            #expect(readiness.contains("The board asked for a spring start") && readiness.contains("opened below the readiness threshold by"))

            // The admin's threshold form: refused out of range on the page, then set.
            let (_, asAdmin) = try await client.page("/programmes/\(programme)/readiness")
            #expect(asAdmin.contains("Set the threshold"))
            let tooHigh = try await client.form("/admin/readiness-threshold", ["csrf": TestAccounts.csrf, "programme": programme.description, "threshold": "150"])
            #expect(tooHigh.status == .unprocessableContent && String(buffer: tooHigh.body).contains("threshold: must be a whole percentage from 0 to 100, not 150"))
            let notANumber = try await client.form("/admin/readiness-threshold", ["csrf": TestAccounts.csrf, "programme": programme.description, "threshold": "most"])
            #expect(notANumber.status == .unprocessableContent && String(buffer: notANumber.body).contains("is not a whole percentage from 0 to 100"))
            #expect(try await client.form("/admin/readiness-threshold", ["csrf": "demo-manager-csrf", "programme": programme.description, "threshold": "0"],
                                          as: Self.manager).status == .forbidden)
            #expect(try await client.form("/admin/readiness-threshold", ["csrf": TestAccounts.csrf, "programme": programme.description, "threshold": "50"]).status == .seeOther)
            let (_, ready) = try await client.page("/programmes/\(programme)/readiness", as: Self.manager)
            #expect(ready.contains("Ready: every dimension reaches 50 %."))
        }
    }

    @Test("the API answers, reports and keeps the history; refuses unknown fields and bad answers; the threshold is the admins'")
    func throughTheAPI() async throws {
        let demo = DemoOrganisation()
        try await withApp(demo: true, prepare: AdministrationPagesTests.signInManager) { client in
            let base = "/api/v1/programmes/\(demo.programme.id)/readiness"
            let (status, report) = try await client.json(.get, base)
            #expect(status == .ok && value(report, "overall") as? Int == 92 && value(report, "ready") as? Bool == true)
            #expect(value(report, "gaps") as? [String] == ["organisation.relationships", "participants.mentoring-skills"])
            #expect(value(report, "dimensions.2.questions.1.answer") as? String == "partly")
            let (unknown, unknownIssues) = try await client.json(.put, base, #"{"answers":[{"question":"programme.goals","answer":"yes","score":3}]}"#)
            #expect(unknown == .unprocessableContent && issueFields(unknownIssues) == ["answers[0].score"])
            let (bad, badIssues) = try await client.json(.put, base, #"{"answers":[{"question":"programme.goals","answer":"maybe"}]}"#)
            #expect(bad == .badRequest && issueFields(badIssues) == ["answers[0].answer"] && messages(badIssues).contains("'maybe' is not one of yes, partly, no"))
            let (answered, after) = try await client.json(.put, base, #"{"answers":[{"question":"participants.mentoring-skills","answer":"yes","note":"All trained"}]}"#)
            #expect(answered == .ok && value(after, "overall") as? Int == 96)
            let (_, history) = try await client.json(.get, base + "/history?limit=1")
            #expect(value(history, "items.0.note") as? String == "All trained" && value(history, "total") as? Int == 13)
            let (_, threshold) = try await client.json(.get, "/api/v1/readiness-threshold")
            #expect(value(threshold, "threshold") as? Int == 75)
            #expect(try await client.json(.put, "/api/v1/readiness-threshold", #"{"threshold":101}"#).0 == .unprocessableContent)
            #expect(try await client.json(.put, "/api/v1/readiness-threshold", #"{"threshold":80}"#).0 == .ok)
            let (_, raised) = try await client.json(.get, base)
            #expect(value(raised, "threshold") as? Int == 80 && value(raised, "ready") as? Bool == true)
        }
    }
}
