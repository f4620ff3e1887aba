import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Training (PRODUCT.md M12): the library, modules per role, completion by quiz or confirmation,
/// and the programme setting that makes matching wait for mentors' training — a hard rule the
/// plan names.
@Suite("Training and the library")
struct TrainingStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("the demo's mentor training: a wrong answer is named and nothing kept; all right completes it once; managers follow who did", arguments: TestDatabase.allCases)
    func quiz(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let library = ResourceLibrary(store: store, principal: mentee)
            #expect(try await library.search("handbook").items.map(\.title) == ["Rising Leaders — mentor handbook"])
            #expect(try await library.search(competency: "delegation", audience: .mentee).items.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.article, .guide])
            await #expect(throws: AccessDenied.self) {
                try await library.add(ResourceRecord(title: "Mine", kind: "article", summary: "s", link: "https://example.org", audience: ["mentee"]), now: now)
            }

            // A resource needs a title, a kind, a summary, a text or a web address, known competencies and an audience.
            let badResource = await #expect(throws: ValidationError.self) {
                try await ResourceLibrary(store: store, principal: manager).add(
                    ResourceRecord(title: "Feedback", kind: "podcast", summary: "", link: "ftp://files.example", competencies: ["juggling"], audience: []), now: now)
            }
            #expect(badResource?.issues.map(\.field) == ["summary", "kind", "link", "competencies", "audience"])
            let unknownResource = await #expect(throws: ValidationError.self) {
                try await Training(store: store, principal: manager).assign(to: demo.programme.id, resource: Resource.ID(), role: .mentor, title: "", questions: [], now: now)
            }
            #expect(unknownResource?.issues.map(\.field) == ["resource"])

            let asMentor = Training(store: store, principal: mentor)
            let assigned = try await asMentor.mine()
            let module = try #require(assigned.first).module
            #expect(assigned.map(\.module.title) == ["Mentor training"] && module.questions.count == 3 && assigned.first?.completedAt == nil)
            #expect(try await Training(store: store, principal: mentee).mine().map(\.module.title) == ["Mentee orientation"])
            await #expect(throws: NotFound.self) { try await Training(store: store, principal: mentee).complete(module.id, answers: [1, 1, 1], confirmed: false, now: now) }

            let wrong = await #expect(throws: ValidationError.self) { try await asMentor.complete(module.id, answers: [1, 0, nil], confirmed: false, now: now) }
            #expect(wrong?.issues.map(\.field) == ["q1", "q2"])
            #expect(try await asMentor.mine().first?.completedAt == nil)
            #expect(try await asMentor.complete(module.id, answers: [1, 1, 1], confirmed: false, now: now).completedAt == now)
            _ = try await asMentor.complete(module.id, answers: [1, 1, 1], confirmed: false, now: now.addingTimeInterval(3600))
            #expect(try await asMentor.mine().first?.completedAt == now, "completing twice keeps the first date")

            let progress = try await Training(store: store, principal: manager).progress(of: demo.programme.id)
            #expect(progress.modules.map { "\($0.module.title) \($0.completed)" } == ["Mentee orientation 0", "Mentor training 1"])
            let mentorRow = try #require(progress.people.first { $0.person.id == mentor.person?.id })
            #expect(mentorRow.completed == 1 && mentorRow.of == 1 && progress.people.count == demo.enrolments.count)
            await #expect(throws: AccessDenied.self) { try await Training(store: store, principal: mentee).progress(of: demo.programme.id) }
        }
    }

    @Test("with mentors trained first, the plan leaves out untrained mentors under the rule 'mentor-training'; training one brings them back", arguments: TestDatabase.allCases)
    func matchingWaitsForTraining(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            let matching = CycleMatching(store: store, plans: PlanCache())
            let before = try await matching.plan(demo.cycle.id, now: now)
            #expect(before.statistics.excludedPairs[.mentorTraining] == nil)

            var settings = demo.programme.effectiveMatching
            settings.mentorTrainingFirst = true
            try await Fixtures.use(settings, for: demo.programme, in: store)
            let mentors = demo.enrolments.filter { $0.role == .mentor }.count, mentees = demo.enrolments.count - mentors
            let untrained = try await matching.plan(demo.cycle.id, now: now)
            #expect(untrained.statistics.excludedPairs[.mentorTraining] == mentors * mentees && untrained.proposals.isEmpty)
            #expect(untrained.unmatched.first?.explanation.contains("mentor-training (\(mentors))") == true)

            // One mentor trains: the cached plan is stale, and the next pairs only with them.
            let module = try #require(try await Training(store: store, principal: mentor).mine().first).module
            _ = try await Training(store: store, principal: mentor).complete(module.id, answers: module.questions.map(\.answer), confirmed: false, now: now)
            let after = try await matching.plan(demo.cycle.id, now: now)
            let mentorEnrolment = try #require(demo.enrolments.first { $0.personID == mentor.person?.id && $0.role == .mentor })
            #expect(!after.proposals.isEmpty && after.proposals.allSatisfy { $0.mentor == mentorEnrolment.id })
            #expect(after.statistics.excludedPairs[.mentorTraining] == (mentors - 1) * mentees)
            _ = manager
        }
    }
}
