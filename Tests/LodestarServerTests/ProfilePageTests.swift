import Foundation
import HummingbirdTesting
import LodestarCore
import LodestarTestSupport
import Testing

@Suite("Editing one's own profile")
struct ProfilePageTests {
    @Test("a mentee edits their profile: each wrong field gets its own message, nothing is half-saved, good values are kept")
    func editOwnProfile() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentee = callers.value[.mentee]!
            guard case .session(_, let csrf) = mentee else { Issue.record("the mentee signs in with a session"); return }
            let path = "/enrolments/\(callers.menteeEnrolment)/profile"
            let (status, form) = try await client.page(path, as: mentee)
            #expect(status == .ok && form.contains("Your mentee profile") && !form.contains("name=\"capacity\""))
            let (home, homePage) = try await client.page("/", as: mentee)
            #expect(home == .ok && homePage.contains(path))
            var fields = ["csrf": csrf, "skills": "", "development_goals": "strategic-thinking:1; telepathy:2", "interests": "chess",
                          "communication_style": "shouty", "learning_preference": "reading", "meeting_mode": "virtual",
                          "availability": "mon 09:00-11:00; someday", "career_goals": "Lead a region"]
            let refused = try await client.form(path, fields, as: mentee)
            let html = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent)
            #expect(html.contains("&#39;shouty&#39; is not one of") || html.contains("'shouty' is not one of"))
            #expect(html.contains("someday") && html.contains("is not a slot"))
            #expect(html.components(separatedBy: "class=\"field-problem\"").count - 1 == 2, "the two unreadable fields; goals are checked once they parse")
            fields["communication_style"] = "direct"
            fields["availability"] = "mon 09:00-11:00; thu 16:00-17:30"
            let unknown = try await client.form(path, fields, as: mentee)
            let unknownPage = String(buffer: unknown.body)
            #expect(unknown.status == .unprocessableContent
                    && (unknownPage.contains("unknown competency &#39;telepathy&#39;") || unknownPage.contains("unknown competency 'telepathy'")))
            fields["development_goals"] = "strategic-thinking:1; decision-making:2"
            let saved = try await client.form(path, fields, as: mentee)
            #expect(saved.status == .ok && String(buffer: saved.body).contains("Saved."))
            let (_, again) = try await client.page(path, as: mentee)
            #expect(again.contains("value=\"mon 09:00-11:00; thu 16:00-17:30\"") && again.contains("decision-making:2"))
            fields["interests"] = ""
            let lacking = try await client.form(path, fields, as: mentee)
            #expect(String(buffer: lacking.body).contains("Still missing: <span class=\"missing\">interests</span>"))
            let (_, homeLacking) = try await client.page("/", as: mentee)
            #expect(homeLacking.contains("Still missing: <span class=\"missing\">interests</span>"))
            // Another person's profile stays closed to a mentor of the same cycle.
            let (other, _) = try await client.page(path, as: callers.value[.mentor]!)
            #expect(other == .forbidden)
        }
    }
}
