import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The library and training in the browser: the manager assigns a module (a bad quiz line
/// named), the mentor takes it (a wrong answer named beside its question), the plan names the
/// mentors the training rule leaves out — the same use cases as the API.
@Suite("Training in the browser and the API")
struct TrainingPagesTests {
    @Test("assign with a quiz, take it on its page, and the plan page names the rule that waits for training", arguments: TestDatabase.allCases)
    func journey(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(database, demo: true, prepare: ApplicationPagesTests.signIn) { client, store in
            let manager = ApplicationPagesTests.manager, mentor = ApplicationPagesTests.mentor
            let (_, library) = try await client.page("/library?competency=delegation&audience=mentee", as: mentor)
            #expect(library.contains("Rising Leaders — mentee guide") && library.contains("Delegation that develops people") && !library.contains("mentor handbook"))
            #expect(!library.contains("Add to the library"), "a mentor reads the library, managers add to it")

            let training = "/programmes/\(demo.programme.id)/training"
            let handbook = try #require(try await store.resources(matching: "mentor handbook", competency: nil, audience: nil, page: .first).items.first)
            let assigned = try await client.form(training, ["csrf": "demo-manager-csrf", "resource": handbook.id.description, "role": "mentor", "title": "Confidentiality",
                                                       "questions": "Who reads your private notes? | Your manager | *No one else"], as: manager)
            #expect(assigned.status == .seeOther)
            let refused = try await client.form(training, ["csrf": "demo-manager-csrf", "resource": handbook.id.description, "role": "mentor",
                                                           "questions": "A question | only one option"], as: manager)
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("line 1: give at least two options"))

            // The mentor's home lists both modules; the new one is taken on its page.
            let (_, home) = try await client.page("/", as: mentor)
            #expect(home.contains("Your training") && home.contains("Mentor training") && home.contains("Confidentiality"))
            let link = try #require(home.firstMatch(of: /href="(\/training\/[0-9a-f-]+)">Confidentiality</).map { String($0.1) })
            let wrong = try await client.form(link, ["csrf": "demo-mentor-csrf", "q0": "0"], as: mentor)
            #expect(wrong.status == .unprocessableContent && String(buffer: wrong.body).contains("question 1 is not right yet"))
            #expect(try await client.form(link, ["csrf": "demo-mentor-csrf", "q0": "1"], as: mentor).status == .seeOther)
            let (_, done) = try await client.page(link, as: mentor)
            #expect(done.contains(#"id="module-completed">Completed on"#))
            let (_, progress) = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)/training")
            #expect((value(progress, "modules") as? [[String: Any]])?.compactMap { $0["completed"] as? Int }.sorted() == [0, 0, 1])

            // The programme asks mentors to train first: the plan names the rule and how many pairs it excludes.
            var settings = demo.programme.effectiveMatching
            settings.mentorTrainingFirst = true
            try await Fixtures.use(settings, for: demo.programme, in: store)
            let (_, plan) = try await client.page("/cycles/\(demo.cycle.id)/plan")
            #expect(plan.contains("<strong>mentor-training</strong>") && plan.contains("the mentor has not completed the programme&#39;s mentor training"))
            let (_, page) = try await client.page(training, as: manager)
            #expect(page.contains("Mentors complete their modules before they are matched"))
        }
    }
}
