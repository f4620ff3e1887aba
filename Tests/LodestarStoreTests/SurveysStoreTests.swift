import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Surveys (PRODUCT.md M13): written and scheduled by a programme's managers, announced and
/// reminded once per person, answered while open, read as figures once closed — small groups
/// hidden, also from a subtraction of two figures.
@Suite("Surveys")
struct SurveysStoreTests {
    static let questions = try! SurveyQuestion.parse("""
        scale: How useful were your meetings?
        single: How often did you meet? | More than agreed | As agreed | Less than agreed
        multiple: What helped? | Goals | Meetings | Training
        nps: How likely are you to recommend the programme?
        text: What should change?
        """)

    /// The demo in an active cycle matched at `matched`, with a survey for mentors and mentees
    /// opening a day later and open ten days.
    static func scheduled(_ store: FluentStore, matched: Date) async throws -> (manager: Principal, demo: DemoOrganisation, survey: Survey, window: DateInterval) {
        let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
        _ = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: matched, store)
        var cycle = demo.cycle
        cycle.state = .active
        try await store.save(cycle)
        let surveys = Surveys(store: store, principal: manager)
        let template = try await surveys.addTemplate(to: demo.programme.id, title: "Mid-cycle check", moment: .midCycle, audience: [.mentee, .mentor],
                                                     questions: questions, now: matched)
        let survey = try await surveys.schedule(template.id, in: demo.cycle.id, anchor: .afterMatching, days: 1, openDays: 10, now: matched)
        let window = try #require(survey.window(end: nil, matchedAt: matched))
        return (manager, demo, survey, window)
    }

    /// A principal for someone enrolled in the demo's cycle.
    static func participant(_ enrolment: Enrolment, _ demo: DemoOrganisation) throws -> Principal {
        let person = try #require(demo.people.first { $0.id == enrolment.personID })
        return Principal(account: Account(email: person.email, personID: person.id, passwordHash: nil, isAdmin: false, createdAt: Date()),
                         person: person, managedProgrammes: [], enrolments: [(enrolment, demo.programme.id)])
    }

    /// Answers `survey` as `principal`: scale `rating`, everything else fixed, and a comment.
    static func answer(_ survey: Survey, as principal: Principal, rating: Int, comment: String = "", named: Bool = false, _ store: FluentStore, at now: Date) async throws {
        _ = try await Surveys(store: store, principal: principal).answer(survey.id, values: [[String(rating)], ["1"], ["0", "2"], ["9"], [comment]], named: named, now: now)
    }

    @Test("told when it opens and reminded before it closes, once each; answers taken only while open; figures only once closed, small groups hidden",
          arguments: TestDatabase.allCases)
    func lifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let matched = Date(timeIntervalSince1970: 1_800_000_000)
            let (manager, demo, survey, window) = try await Self.scheduled(store, matched: matched)
            let asked = demo.enrolments
            let mentors = asked.filter { $0.role == .mentor }, mentees = asked.filter { $0.role == .mentee }
            let nudges = Nudges(store: store, publicURL: "https://lodestar.example.org")

            // Before it opens: nothing sent, answers refused.
            #expect(try await nudges.run(now: window.start.addingTimeInterval(-3600)).surveysOpened == 0)
            let early = await #expect(throws: ValidationError.self) {
                try await Self.answer(survey, as: try Self.participant(mentees[0], demo), rating: 4, store, at: window.start.addingTimeInterval(-60))
            }
            #expect(early?.issues.first?.message == "is not open yet")

            // It opens: everyone asked hears once, however often the job runs.
            let opened = window.start.addingTimeInterval(3600)
            #expect(try await nudges.run(now: opened).surveysOpened == Set(asked.map(\.personID)).count)
            #expect(try await nudges.run(now: opened.addingTimeInterval(60)).surveysOpened == 0)
            let announcements = try await store.notices(page: .everything).items.filter { $0.subject == "Mid-cycle check: your view of Rising Leaders · 2027 cohort" }
            #expect(announcements.count == Set(asked.map(\.personID)).count && Set(announcements.map(\.recipient)).count == announcements.count)
            #expect(announcements.allSatisfy { $0.body.contains("https://lodestar.example.org/surveys/\(survey.id)") && $0.programme == demo.programme.id })

            // Answers: each checked by its kind, every problem named by question.
            let refused = await #expect(throws: ValidationError.self) {
                _ = try await Surveys(store: store, principal: try Self.participant(mentees[0], demo))
                    .answer(survey.id, values: [["6"], [], ["0", "7"], ["9"], []], named: false, now: opened)
            }
            #expect(refused?.issues.map(\.field) == ["q0", "q1", "q2"])
            // Five mentors and four mentees answer; one mentee twice (the second replaces the first).
            for (index, mentor) in mentors.prefix(5).enumerated() {
                try await Self.answer(survey, as: try Self.participant(mentor, demo), rating: 5, comment: index == 0 ? "=HYPERLINK(\"http://x\")" : "",
                                      named: index == 0, store, at: opened)
            }
            for mentee in mentees.prefix(4) { try await Self.answer(survey, as: try Self.participant(mentee, demo), rating: 2, comment: "Too few meetings", store, at: opened) }
            try await Self.answer(survey, as: try Self.participant(mentees[0], demo), rating: 1, comment: "Too few meetings", store, at: opened.addingTimeInterval(60))
            #expect(try await store.responses(to: survey.id).count == 9)

            // While open, managers see how many answered and no figures; participants see none.
            let open = try await Surveys(store: store, principal: manager).results(survey.id, now: opened)
            #expect(open.state == .open && open.responded == 9 && open.invited == Set(asked.map(\.personID)).count && open.breakdowns.isEmpty && open.comments.isEmpty)
            await #expect(throws: AccessDenied.self) { try await Surveys(store: store, principal: try Self.participant(mentors[0], demo)).results(survey.id, now: opened) }

            // Three days before it closes, those who have not answered are reminded, once.
            let late = window.end.addingTimeInterval(-2 * 86400)
            #expect(try await nudges.run(now: late).surveyReminders == Set(asked.map(\.personID)).count - 9)
            #expect(try await nudges.run(now: late.addingTimeInterval(60)).surveyReminders == 0)
            let reminded = Set(try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("Reminder: Mid-cycle check closes") }.map(\.recipient))
            let answered = Set((mentors.prefix(5) + mentees.prefix(4)).compactMap { enrolment in demo.people.first { $0.id == enrolment.personID }?.email })
            #expect(reminded.isDisjoint(with: answered) && reminded.count == Set(asked.map(\.personID)).count - 9)

            // Closed: no more answers; figures for everyone; 5 mentors and 4 mentees are both hidden,
            // since the whole minus the mentors would be the mentees.
            let closed = window.end.addingTimeInterval(3600)
            await #expect(throws: ValidationError.self) { try await Self.answer(survey, as: try Self.participant(mentees[5], demo), rating: 3, store, at: closed) }
            let results = try await Surveys(store: store, principal: manager).results(survey.id, now: closed)
            let everyone = try #require(results.breakdowns.first { $0.name == "Everyone" }?.groups.first)
            #expect(everyone.respondents == 9)
            let scale = try #require(everyone.questions.first { $0.question.kind == .scale })
            let expectedMean: Double = 32.0 / 9 // five 5s, three 2s and a 1
            let counts: [Int] = scale.counts.map(\.count)
            #expect(scale.mean == expectedMean)
            #expect(counts == [1, 3, 0, 0, 5])
            #expect(everyone.questions.first { $0.question.kind == .nps }?.netPromoterScore == 100)
            #expect(everyone.questions.first { $0.question.kind == .multiple }?.counts.map(\.count) == [9, 0, 9])
            let byRole = try #require(results.breakdowns.first { $0.name == "By role" })
            #expect(byRole.groups.allSatisfy { $0.hidden }, "4 mentees hidden, and the mentors with them: 9 − 5 would give the 4 away")
            for breakdown in results.breakdowns {
                let hidden = breakdown.groups.filter(\.hidden)
                #expect(hidden.isEmpty || hidden.count >= 2 || breakdown.groups.count == 1, "\(breakdown.name): one hidden group beside shown ones is a subtraction away")
            }
            // Comments: the named one with its author, the others without a name.
            let named = try #require(results.comments.first { $0.name != nil })
            #expect(named.text.hasPrefix("=HYPERLINK") && named.name == demo.people.first { $0.id == mentors[0].personID }?.name)
            #expect(results.comments.filter { $0.name == nil }.map(\.text) == Array(repeating: "Too few meetings", count: 4))
            // The CSV: hidden groups say so and nothing more; a cell a spreadsheet would run is quoted.
            let csv = CSVText.write(header: SurveyResults.csvHeader, rows: results.csvRows)
            #expect(csv.contains("By role,Mentees,hidden (fewer than 5") && csv.contains("By role,Mentors,hidden"))
            #expect(!csv.contains("By role,Mentees,4") && csv.contains("'=HYPERLINK"))
        }
    }

    @Test("a manager of another programme, a participant and an outsider can't schedule or read; the numbers are range-checked", arguments: TestDatabase.allCases)
    func refusals(database: TestDatabase) async throws {
        try await database.withStore { store in
            let matched = Date(timeIntervalSince1970: 1_800_000_000)
            let (manager, demo, survey, _) = try await Self.scheduled(store, matched: matched)
            let mentee = try Self.participant(try #require(demo.enrolments.first { $0.role == .mentee }), demo)
            await #expect(throws: AccessDenied.self) {
                try await Surveys(store: store, principal: mentee).schedule(survey.templateID, in: demo.cycle.id, anchor: .afterMatching, days: 1, openDays: 5, now: matched)
            }
            let bad = await #expect(throws: ValidationError.self) {
                try await Surveys(store: store, principal: manager).schedule(survey.templateID, in: demo.cycle.id, anchor: .beforeEnd, days: 400, openDays: 0, now: matched)
            }
            #expect(Set(bad?.issues.map(\.field) ?? []) == ["days", "openDays", "anchor"])
            // A template of no programme, or of another, is named as not the programme's.
            let foreign = await #expect(throws: ValidationError.self) {
                try await Surveys(store: store, principal: manager).schedule(SurveyTemplate.ID(), in: demo.cycle.id, anchor: .afterMatching, days: 1, openDays: 5, now: matched)
            }
            #expect(foreign?.issues.map(\.field) == ["template"] && foreign?.issues.first?.message.hasSuffix("is not a survey of Rising Leaders") == true)
            // Someone not in the cycle is told it doesn't exist.
            let outsider = try #require(demo.people.first { person in !demo.enrolments.contains { $0.personID == person.id } })
            let stranger = Principal(account: Account(email: outsider.email, personID: outsider.id, passwordHash: nil, isAdmin: false, createdAt: matched),
                                     person: outsider, managedProgrammes: [], enrolments: [])
            await #expect(throws: NotFound.self) { try await Surveys(store: store, principal: stranger).survey(survey.id, now: matched) }
            #expect(try await Surveys(store: store, principal: stranger).mine(now: matched).isEmpty)
            #expect(try await store.surveys(in: [demo.cycle.id]).map(\.id).filter { $0 != survey.id }.count == 1, "nothing refused was stored beside the demo's check-in")
        }
    }

    @Test("two servers announcing at once tell each person once")
    func twoServers() async throws {
        try await TestDatabase.postgresql.withTwoServers { first, second in
            let matched = Date(timeIntervalSince1970: 1_800_000_000)
            let (_, demo, _, window) = try await Self.scheduled(first, matched: matched)
            let now = window.start.addingTimeInterval(60)
            async let a = Nudges(store: first).run(now: now)
            async let b = Nudges(store: second).run(now: now)
            let (one, two) = try await (a, b)
            let people = Set(demo.enrolments.map(\.personID)).count
            #expect(one.surveysOpened + two.surveysOpened == people)
            let sent = try await first.notices(page: .everything).items.filter { $0.subject.hasPrefix("Mid-cycle check:") }
            #expect(sent.count == people && Set(sent.map(\.recipient)).count == people)
        }
    }
}
