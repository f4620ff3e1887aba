import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Surveys in the browser and the API: the manager writes one (a bad line named) and schedules
/// it, the mentor finds it on their home page and answers it (a bad answer named beside its
/// question), the manager reads the results — figures only once closed, small groups hidden.
@Suite("Surveys in the browser and the API")
struct SurveyPagesTests {
    /// The demo's cycle, active: its signed-in mentor paired with a mentee since `start`.
    static func activePair(_ demo: DemoOrganisation, since start: Date, _ store: FluentStore) async throws -> (relationship: Relationship, mentee: Enrolment) {
        let signIns = try await DemoAccounts(store: store, credentials: TestAccounts.credentials).ensure(now: Date())
        let mentorEmail = try #require(signIns.first { $0.role.hasPrefix("mentor") }?.email)
        let mentorPerson = try #require(try await store.account(email: mentorEmail)?.personID)
        let mentorEnrolment = try #require(demo.enrolments.first { $0.personID == mentorPerson })
        let mentee = try #require(demo.enrolments.first { $0.role == .mentee })
        let relationship = Relationship(cycleID: demo.cycle.id, mentor: mentorEnrolment.id, mentee: mentee.id, mentorPerson: mentorPerson,
                                        menteePerson: mentee.personID, score: 70, startedAt: start)
        try await store.insert([relationship])
        var cycle = demo.cycle
        cycle.state = .active
        try await store.save(cycle)
        return (relationship, mentee)
    }

    @Test("write, schedule, answer, and read the results of a closed survey as a page, CSV and JSON", arguments: TestDatabase.allCases)
    func journey(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(database, demo: true, prepare: ApplicationPagesTests.signIn) { client, store in
            let manager = ApplicationPagesTests.manager, mentor = ApplicationPagesTests.mentor
            // The cycle was matched twenty days ago.
            _ = try await Self.activePair(demo, since: Date(timeIntervalSinceNow: -20 * 86400), store)

            // The demo's check-in waits for two weeks after matching; a line without its kind is named.
            let surveys = "/programmes/\(demo.programme.id)/surveys"
            let (_, first) = try await client.page(surveys, as: manager)
            #expect(first.contains("Mid-cycle check-in") && first.contains("14 days after matching, open 14 days") && first.contains("End-of-cycle survey"))
            let refused = try await client.form(surveys, ["csrf": "demo-manager-csrf", "title": "Mid-cycle check", "moment": "mid-cycle", "audience": "mentor",
                                                          "questions": "scale: Useful?\nWhat would you change?"], as: manager)
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("line 2: start with the kind of question and a colon"))
            let added = try await client.form(surveys, ["csrf": "demo-manager-csrf", "title": "Mid-cycle check", "moment": "mid-cycle", "audience": "mentor",
                                                        "questions": "scale: How useful were your meetings?\nsingle: How often? | Weekly | Fortnightly\ntext: What would you change?"],
                                              as: manager)
            #expect(added.status == .seeOther)
            let template = try #require(try await store.surveyTemplates(of: [demo.programme.id]).first { $0.title == "Mid-cycle check" })
            #expect(template.questions.map(\.kind) == [.scale, .single, .text] && template.audience == [.mentor])

            // Scheduled to open 15 days after matching: open now. A number out of range is named.
            let schedule = "\(surveys)/schedule"
            let outOfRange = try await client.form(schedule, ["csrf": "demo-manager-csrf", "template": template.id.description, "cycle": demo.cycle.id.description,
                                                              "anchor": "after-matching", "days": "400", "openDays": "10"], as: manager)
            #expect(outOfRange.status == .unprocessableContent && String(buffer: outOfRange.body).contains("400 is out of range"))
            #expect(try await client.form(schedule, ["csrf": "demo-manager-csrf", "template": template.id.description, "cycle": demo.cycle.id.description,
                                                     "anchor": "after-matching", "days": "15", "openDays": "10"], as: manager).status == .seeOther)
            let (_, listed) = try await client.page(surveys, as: manager)
            #expect(listed.contains("15 days after matching, open 10 days") && listed.contains(#"<span class="state state-open">open</span>"#))

            // The mentor finds it at home and answers it; a bad answer is named beside its question.
            let (_, home) = try await client.page("/", as: mentor)
            let link = try #require(home.firstMatch(of: /href="(\/surveys\/[0-9a-f-]+)">Mid-cycle check</).map { String($0.1) })
            let bad = try await client.form(link, ["csrf": "demo-mentor-csrf", "q0": "7", "q1": "1"], as: mentor)
            #expect(bad.status == .unprocessableContent && String(buffer: bad.body).contains("choose a number from 1 to 5"))
            #expect(try await client.form(link, ["csrf": "demo-mentor-csrf", "q0": "4", "q1": "1", "q2": "More time"], as: mentor).status == .seeOther)
            let (_, answered) = try await client.page(link, as: mentor)
            #expect(answered.contains(#"id="survey-answered">You answered on"#) && answered.contains(">More time</textarea>"))
            let (status, _) = try await client.page(link + "/results", as: mentor)
            #expect(status == .forbidden, "results are the managers'")
            let (_, open) = try await client.page(link + "/results", as: manager)
            #expect(open.contains("Figures appear when the survey closes") && open.contains(" · 1 of "))

            // A survey that closed: six mentors answered; the page, the CSV and the API give the same figures.
            let closed = try await Surveys(store: store, principal: .commandLine)
                .schedule(template.id, in: demo.cycle.id, anchor: .afterMatching, days: 0, openDays: 5, now: Date())
            for (index, enrolment) in demo.enrolments.filter({ $0.role == .mentor }).prefix(6).enumerated() {
                try await store.save(SurveyResponse(surveyID: closed.id, personID: enrolment.personID, role: .mentor,
                                                    answers: [.number(index < 3 ? 5 : 3), .number(0), .text("@SUM(A1)")], named: false, submittedAt: Date()))
            }
            let (_, results) = try await client.page("/surveys/\(closed.id)/results", as: manager)
            #expect(results.contains("All respondents <span class=\"meta\">6 respondents</span>") && results.contains("mean 4.00"))
            let csv = try await client.page("/surveys/\(closed.id)/results.csv", as: manager).1
            #expect(csv.hasPrefix("breakdown,group,respondents,question,measure,value") && csv.contains("Everyone,All respondents,6,How useful were your meetings?,mean,4.00"))
            #expect(csv.contains(",comment,'@SUM(A1)"), "a cell a spreadsheet would run is quoted")
            let (_, json) = try await client.json(.get, "/api/v1/surveys/\(closed.id)/results")
            #expect(value(json, "responded") as? Int == 6 && ((value(json, "breakdowns") as? [Any])?.count ?? 0) >= 1)
        }
    }
}
