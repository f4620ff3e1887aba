import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The matching priority as a manager meets it: set on the programme's form, explained on the
/// plan, its effect on the what-if page, and kept with the published cycle for the fairness audit —
/// the same figures in the browser and the API, on both databases.
@Suite("Matching priority in the browser and the API")
struct MenteePriorityPagesTests {
    /// A text as the pages write it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test("set on the form (wrong points refused by field), explained on the plan, weighed on the what-if, shown by the audit after publication",
          arguments: TestDatabase.allCases)
    func priority(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(database, demo: true, prepare: { store in
            try await ApplicationPagesTests.signIn(store)
            _ = try await ProgrammeOffice(store: store, principal: .commandLine).move(demo.cycle.id, to: .matching)
        }) { client, store in
            let manager = ApplicationPagesTests.manager
            let programme = demo.programme.id
            var form = ProgrammeFormPagesTests.valid.merging(["name": demo.programme.name, "priorityDimension": "gender", "priorityGroups": "Woman, non-binary",
                                                              "priorityPoints": "40"]) { $1 }
            form["menteeChoice"] = nil
            let refused = try await client.form("/programmes/\(programme)/edit", form)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("40 is not from 1 to 30 points"))
            #expect(try await store.programme(programme)?.matching?.menteePriority == nil, "nothing was saved")
            let badDimension = try await client.form("/programmes/\(programme)/edit", form.merging(["priorityDimension": "height", "priorityPoints": "12"]) { $1 })
            #expect(String(buffer: badDimension.body).contains("&#39;height&#39; is not one of gender, ethnicity, age-band, disability"))

            form["priorityPoints"] = "12"
            #expect(try await client.form("/programmes/\(programme)/edit", form).status == .seeOther)
            let priority = MenteePriority(dimension: .gender, groups: ["Woman", "non-binary"], points: 12)
            #expect(try await store.programme(programme)?.matching?.menteePriority == priority)
            let (_, edit) = try await client.page("/programmes/\(programme)/edit")
            #expect(edit.contains(#"<option value="gender" selected>By gender</option>"#) && edit.contains(#"value="Woman, non-binary""#))

            let (_, plan) = try await client.page("/cycles/\(demo.cycle.id)/plan?seed=3", as: manager)
            #expect(plan.contains("Matching priority: \(priority.summary)."))
            let reading = try await PlanReview(store: store, principal: .commandLine).ruleCosts(demo.cycle.id, PlanReview.Query(seed: 3), now: Date())
            let effect = try #require(reading.costs.priority)
            #expect(effect.figures != nil, "the demo's cohort has enough mentees in the groups and outside them")
            let (_, whatIf) = try await client.page("/cycles/\(demo.cycle.id)/plan/what-if?seed=3", as: manager)
            #expect(whatIf.contains(#"<p id="priority-effect">"# + Self.escaped(effect.summary) + "</p>"))
            let (_, json) = try await client.json(.post, "/api/v1/cycles/\(demo.cycle.id)/plan/what-if", #"{"seed": 3}"#)
            #expect(value(json, "priority.summary") as? String == effect.summary)
            #expect(value(json, "priority.figures.prioritised") as? Int == effect.figures?.prioritised)

            // Publishing keeps what the priority did with the cycle; the audit shows it, by counts only.
            let published = try await client.form("/cycles/\(demo.cycle.id)/publish", ["csrf": TestAccounts.csrf, "seed": "3"])
            #expect(published.status == .seeOther)
            #expect(try await store.cycle(demo.cycle.id)?.priorityEffect == effect)
            let (_, fairness) = try await client.page("/cycles/\(demo.cycle.id)/fairness", as: manager)
            #expect(fairness.contains(#"<p id="priority-effect">When the plan was published — "# + Self.escaped(effect.summary) + "</p>"))
            let (_, audit) = try await client.json(.get, "/api/v1/cycles/\(demo.cycle.id)/fairness")
            #expect(value(audit, "priority.figures.matchedWith") as? Int == effect.figures?.matchedWith)
            #expect(value(audit, "priority.priority.points") as? Int == 12)

            // The API takes the same setting, refused by field when out of range.
            let (apiStatus, apiError) = try await client.json(.put, "/api/v1/programmes/\(programme)", """
                {"name": "Rising Leaders", "format": "one-to-one", "durationWeeks": 26, "cadence": "monthly",
                 "matching": {"weights": {"goal-skill-fit": 5}, "minimumLevelGap": 1, "maximumLevelGap": 6, "minimumWeeklyOverlap": 60, "rotation": true,
                              "menteePriority": {"dimension": "gender", "groups": [], "points": 5}}}
                """)
            #expect(apiStatus == .unprocessableContent)
            #expect("\(apiError)".contains("matching.menteePriority.groups"))
        }
    }
}
