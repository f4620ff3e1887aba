import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// A programme made, changed, copied and given its next cycle in the browser.
@Suite("Programme forms")
struct ProgrammeFormPagesTests {
    static let valid: [String: String] = [
        "csrf": TestAccounts.csrf, "name": "Women in Leadership", "objectives": "Sponsorship and visibility", "format": "one-to-one",
        "durationWeeks": "30", "cadence": "fortnightly", "w-goal-skill-fit": "6", "w-seniority-gap": "2", "w-shared-interests": "1",
        "w-communication-style": "1", "w-learning-preference": "1", "w-availability-overlap": "2", "w-location": "0", "w-cross-department": "1.5",
        "minimumLevelGap": "1", "maximumLevelGap": "5", "minimumWeeklyOverlap": "60", "rotation": "1", "menteeChoice": "1",
        "maximumRequests": "2", "responseDays": "5", "peerCircleSize": "",
    ]

    @Test("the admin creates a programme with its matching settings; every wrong field gets its own message and nothing is stored")
    func create() async throws {
        try await withAppAndStore { client, store in
            let (status, blank) = try await client.page("/programmes/new")
            #expect(status == .ok && blank.contains("New programme") && blank.contains("Focus competencies"))
            var wrong = Self.valid
            (wrong["name"], wrong["durationWeeks"], wrong["w-location"], wrong["maximumLevelGap"], wrong["responseDays"]) = ("", "0", "lots", "30", "99999999999999999999")
            let refused = try await client.form("/programmes/new", wrong)
            let page = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent)
            #expect(page.components(separatedBy: "Nothing was saved").count == 2, "the summary once, above the form, not beside every field")
            #expect(page.contains("&#39;lots&#39; is not a number") || page.contains("'lots' is not a number"))
            #expect(page.contains(#"value="lots""#), "what was typed stays in the form")
            #expect(try await store.programmes(ids: nil).isEmpty, "nothing was stored")
            let noName = try await client.form("/programmes/new", Self.valid.merging(["name": ""]) { $1 })
            #expect(String(buffer: noName.body).contains("is empty"))
            let noDuration = try await client.form("/programmes/new", Self.valid.merging(["durationWeeks": "0"]) { $1 })
            #expect(String(buffer: noDuration.body).contains("a programme runs 1 to 104 weeks"))

            let created = try await client.form("/programmes/new", Self.valid)
            #expect(created.status == .seeOther)
            let programme = try #require(try await store.programmes(ids: nil).first)
            #expect(created.headers[.location] == "/programmes/\(programme.id)")
            #expect(programme.name == "Women in Leadership" && programme.durationWeeks == 30 && programme.cadence == .fortnightly)
            #expect(programme.matching?.weights.values[.crossDepartment] == 1.5)
            #expect(programme.matching?.menteeChoice == .init(maximumRequests: 2, responseDays: 5))
            #expect(programme.matching?.maximumLevelGap == 5 && programme.matching?.rotation == true)
        }
    }

    @Test("a programme's settings are changed by its manager; the admin starts another from it; the next cycle opens from its page")
    func editCopyAndCycle() async throws {
        try await withAppAndStore { client, store in
            let made = try await client.form("/programmes/new", Self.valid.merging(["competency": "strategic-thinking"]) { $1 })
            #expect(made.status == .seeOther)
            let programme = try #require(try await store.programmes(ids: nil).first)
            let (_, edit) = try await client.page("/programmes/\(programme.id)/edit")
            #expect(edit.contains(#"value="Women in Leadership""#) && edit.contains(#"value="1.5""#))
            let changed = try await client.form("/programmes/\(programme.id)/edit", Self.valid.merging(["durationWeeks": "40", "defaults": "1"]) { $1 })
            #expect(changed.status == .seeOther)
            let saved = try #require(try await store.programme(programme.id))
            #expect(saved.durationWeeks == 40 && saved.matching == nil, "the format's defaults apply again")

            let (_, copy) = try await client.page("/programmes/new?from=\(programme.id)")
            #expect(copy.contains(#"value="Women in Leadership (copy)""#))
            #expect(copy.contains(#"value="fortnightly" selected"#))

            let opened = try await client.form("/programmes/\(programme.id)/cycles", ["csrf": TestAccounts.csrf, "name": "Spring 2027"])
            #expect(opened.status == .seeOther)
            let cycle = try #require(try await store.cycles(of: programme.id).first)
            #expect(cycle.name == "Spring 2027" && cycle.state == .draft)
            #expect(opened.headers[.location] == "/cycles/\(cycle.id)")
            let (_, page) = try await client.page("/programmes/\(programme.id)")
            #expect(page.contains("Spring 2027") && page.contains("Open the next cycle") && page.contains(#"placeholder="Cycle 2""#))
        }
    }
}
