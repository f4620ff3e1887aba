import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Competency assessment (PRODUCT.md M13): the mentee, their mentor and their line manager rate
/// the focus competencies at the start and the end; the mentee sees all three, the others their
/// own; managers see the cohort's means from five mentees up.
@Suite("Competency assessment and growth")
struct AssessmentsStoreTests {
    @Test("the mentee sees their growth from three sides, the mentor and line manager their own ratings, managers the cohort's means from five up",
          arguments: TestDatabase.allCases)
    func growth(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date()
            let enrolment = try #require(mentee.enrolments.first).enrolment
            // Before matching, nothing is rated yet.
            let early = await #expect(throws: ValidationError.self) {
                try await Assessments(store: store, principal: mentee).assess(enrolment.id, moment: .start, ratings: [:], note: "", now: now)
            }
            #expect(early?.issues.map(\.field).contains("moment") == true)
            _ = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now, store)
            var cycle = demo.cycle
            cycle.state = .active
            try await store.save(cycle)
            let focus = demo.programme.focusCompetencies
            func ratings(_ values: [Int]) -> [String: String] { Dictionary(uniqueKeysWithValues: zip(focus, values.map(String.init))) }

            // Every competency 1 to 5, each problem named by its competency; an unknown one refused.
            let asMentee = Assessments(store: store, principal: mentee)
            var wrong = ratings([2, 6, 3, 3])
            wrong[focus[3]] = nil
            wrong["juggling"] = "4"
            let refused = await #expect(throws: ValidationError.self) { try await asMentee.assess(enrolment.id, moment: .start, ratings: wrong, note: "", now: now) }
            #expect(refused?.issues.map(\.field) == [focus[1], focus[3], "juggling"])
            _ = try await asMentee.assess(enrolment.id, moment: .start, ratings: ratings([2, 2, 3, 1]), note: "Delegation first", now: now)
            _ = try await asMentee.assess(enrolment.id, moment: .end, ratings: ratings([3, 4, 4, 3]), note: "", now: now)
            let asMentor = Assessments(store: store, principal: mentor)
            #expect(try await asMentor.page(enrolment.id).perspective == .mentor)
            _ = try await asMentor.assess(enrolment.id, moment: .start, ratings: ratings([3, 2, 3, 2]), note: "", now: now)
            _ = try await asMentor.assess(enrolment.id, moment: .end, ratings: ratings([4, 3, 4, 4]), note: "", now: now)

            // The mentee asks their line manager, who rates the end.
            let person = try #require(mentee.person)
            let managerID = try #require(person.managerID)
            let lineManager = try #require(try await store.person(managerID))
            #expect(try await asMentee.askLineManager(enrolment.id, now: now).id == lineManager.id)
            let request = try #require(try await store.notices(page: .everything).items.first { $0.recipient == lineManager.email })
            #expect(request.subject == "\(person.name) asks for your view of their growth" && request.body.contains("/enrolments/\(enrolment.id)/growth"))
            let asLineManager = Assessments(store: store, principal: Principal(
                account: Account(email: lineManager.email, personID: lineManager.id, passwordHash: nil, isAdmin: false, createdAt: now),
                person: lineManager, managedProgrammes: [], enrolments: []))
            _ = try await asLineManager.assess(enrolment.id, moment: .end, ratings: ratings([3, 3, 5, 4]), note: "", now: now)
            await #expect(throws: AccessDenied.self) { try await asMentor.askLineManager(enrolment.id, now: now) }

            // The mentee reads all three sides; the mentor and the line manager their own only.
            let mine = try await asMentee.page(enrolment.id).growth.lines[0]
            #expect(mine.views.map(\.perspective) == [.mentee, .mentor, .lineManager])
            #expect(mine.views.map(\.change) == [1, 1, nil] && mine.views[2].end == 3)
            #expect(try await asMentor.page(enrolment.id).growth.lines.allSatisfy { $0.views.map(\.perspective) == [.mentor] })
            #expect(try await asLineManager.page(enrolment.id).growth.lines.allSatisfy { $0.views.map(\.perspective) == [.lineManager] })
            // No one else reads a mentee's ratings: not the programme's manager, not another mentee.
            await #expect(throws: NotFound.self) { try await Assessments(store: store, principal: manager).page(enrolment.id) }
            let reports = Set(demo.people.filter { $0.managerID == person.id }.map(\.id))
            let other = try #require(demo.enrolments.first { $0.role == .mentee && $0.id != enrolment.id && !reports.contains($0.personID) })
            await #expect(throws: NotFound.self) { try await asMentee.page(other.id) }

            // The cohort: one mentee's growth stays hidden; with five it shows as means.
            let asManager = Assessments(store: store, principal: manager)
            #expect(try await asManager.cohort(demo.cycle.id).lines.allSatisfy { $0.mentees == nil && $0.start == nil })
            for (index, someone) in demo.enrolments.filter({ $0.role == .mentee && $0.id != enrolment.id }).prefix(4).enumerated() {
                for (moment, value) in [(AssessmentMoment.start, 1 + index % 2), (.end, 4)] {
                    try await store.save(CompetencyAssessment(cycleID: demo.cycle.id, menteeID: someone.personID, raterID: someone.personID, perspective: .mentee,
                                                              moment: moment, ratings: Dictionary(uniqueKeysWithValues: focus.map { ($0, value) }), note: "", givenAt: now))
                }
            }
            let first = try #require(try await asManager.cohort(demo.cycle.id).lines.first)
            #expect(first.mentees == 5 && first.start == Double(2 + 1 + 2 + 1 + 2) / 5 && first.end == Double(3 + 4 * 4) / 5)
            await #expect(throws: AccessDenied.self) { try await Assessments(store: store, principal: mentor).cohort(demo.cycle.id) }
        }
    }
}
