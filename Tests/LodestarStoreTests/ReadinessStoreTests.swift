import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The readiness check (PRODUCT.md M2): scoring over the four dimensions, answers kept with
/// their history, the admin's threshold, and the gate a cycle passes to leave draft.
@Suite("Readiness check and the draft gate")
struct ReadinessStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("scores each dimension and the whole, names the gaps with an action, keeps every answer as history", arguments: TestDatabase.allCases)
    func scoring(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let admin = try await UseCaseAccessStoreTests.demoAdmin(store)
            // The demo's manager answered it: two questions "partly", the rest "yes".
            let demoReport = try await ReadinessReview(store: store, principal: manager).report(of: demo.programme.id)
            #expect(demoReport.dimensions.map(\.score) == [88, 100, 75, 100] && demoReport.overall == 92 && demoReport.isReady)
            #expect(demoReport.gaps.map(\.question.id) == ["organisation.relationships", "participants.mentoring-skills"])

            let programme = try await ProgrammeOffice(store: store, principal: .commandLine).create(ProgrammeRecord(
                name: "Women in Leadership", objectives: "Grow senior women leaders", focusCompetencies: ["delegation"],
                format: .oneToOne, durationWeeks: 26, cadence: .monthly)).id
            let review = ReadinessReview(store: store, principal: admin)
            await #expect(throws: AccessDenied.self) { try await ReadinessReview(store: store, principal: manager).report(of: programme) }
            let fresh = try await review.report(of: programme)
            #expect(fresh.overall == 0 && fresh.answered == 0 && fresh.gaps.count == ReadinessQuestion.all.count && !fresh.isReady)
            #expect(fresh.threshold == .standard && fresh.threshold.percent == 75)

            let report = try await review.answer([
                .init(question: "organisation.culture", level: "yes", note: "Leaders mentor already"),
                .init(question: "organisation.sponsor", level: "partly"),
                .init(question: "organisation.relationships", level: "no", note: "Silos"),
                .init(question: "programme.goals", level: "yes"),
                .init(question: "participants.commitment", level: ""),  // left as it is
            ], for: programme, now: now)
            #expect(report.dimensions.map(\.score) == [38, 25, 0, 0])  // (1 + ½ + 0 + 0) / 4 = 37.5 → 38
            #expect(report.overall == 21 && report.answered == 4)        // 2.5 / 12 = 20.8 → 21
            #expect(report.gaps.first?.question.id == "organisation.sponsor")
            #expect(report.gaps.first?.question.action.contains("sponsor") == true)
            #expect(report.shortfall == "Organisation 38 %, Programme 25 %, Participants 0 %, Development 0 %")

            // A changed answer is added, an unchanged one is not; the newest counts, the older stays as history.
            _ = try await review.answer([.init(question: "organisation.relationships", level: "partly", note: "Speed-mentoring kick-off planned"),
                                         .init(question: "organisation.culture", level: "yes", note: "Leaders mentor already")],
                                        for: programme, now: now.addingTimeInterval(60))
            let history = try await review.history(of: programme)
            #expect(history.total == 5)
            let newest = try #require(history.items.first)
            #expect(newest.question == "organisation.relationships" && newest.level == .partly && newest.note == "Speed-mentoring kick-off planned")
            #expect(newest.attribution == Attribution(admin, at: now.addingTimeInterval(60)))
            #expect(try await review.report(of: programme).dimensions.first?.score == 50)

            // All or nothing, each problem named by its question.
            let refused = await #expect(throws: ValidationError.self) {
                try await review.answer([.init(question: "programme.duration", level: "yes"), .init(question: "programme.budget", level: "yes"),
                                         .init(question: "programme.matching", level: "maybe"), .init(question: "development.needs", level: "", note: "a note alone")],
                                        for: programme, now: now)
            }
            #expect(refused?.issues.map(\.field) == ["question", "programme.matching", "development.needs"])
            #expect(refused?.issues.last?.message == "choose yes, partly or no: a note alone is not an answer")
            #expect(try await review.history(of: programme).total == 5, "nothing of the refused answers was written")

            // Only its managers and the admins read or answer it.
            let asMentee = ReadinessReview(store: store, principal: mentee)
            await #expect(throws: AccessDenied.self) { try await asMentee.report(of: demo.programme.id) }
            await #expect(throws: AccessDenied.self) { try await asMentee.answer([.init(question: "programme.goals", level: "no")], for: demo.programme.id, now: now) }
            await #expect(throws: AccessDenied.self) { try await asMentee.history(of: demo.programme.id) }
            await #expect(throws: AccessDenied.self) { try await asMentee.threshold() }
        }
    }

    @Test("a cycle leaves draft only at the threshold, or with a reason recorded with who and when; the admin sets the threshold",
          arguments: TestDatabase.allCases)
    func draftGate(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            let admin = try await UseCaseAccessStoreTests.demoAdmin(store)
            let office = ProgrammeOffice(store: store, principal: manager)
            let programme = demo.programme.id
            // Participants at "no" throughout: the demo programme falls below 75 % there only.
            _ = try await ReadinessReview(store: store, principal: manager).answer(
                [.init(question: "participants.commitment", level: "no"), .init(question: "participants.mentoring-skills", level: "no")],
                for: programme, now: now)
            let cycle = try await office.startCycle(of: programme, name: "2028 cohort")
            let held = await #expect(throws: ValidationError.self) { try await office.move(cycle.id, to: .enrolling) }
            #expect(held?.issues.first?.field == "readinessOverride")
            #expect(held?.issues.first?.message.contains("'\(demo.programme.name)' is not ready to open 2028 cohort: Participants 0 % — below the threshold of 75 %") == true)
            #expect(try await store.cycle(cycle.id)?.state == .draft)
            // A blank reason is no reason; a reason over several lines is refused.
            await #expect(throws: ValidationError.self) { try await office.move(cycle.id, to: .enrolling, readinessOverride: ReadinessOverride(reason: "  ", at: now)) }
            await #expect(throws: ValidationError.self) {
                try await office.move(cycle.id, to: .enrolling, readinessOverride: ReadinessOverride(reason: "pilot\nSubject: forged", at: now))
            }
            let opened = try await office.move(cycle.id, to: .enrolling, readinessOverride: ReadinessOverride(reason: "Pilot with volunteers only", at: now))
            #expect(opened.state == .enrolling)
            let overrides = try await ReadinessReview(store: store, principal: manager).overrides(of: programme)
            #expect(overrides.items.map(\.subject) == ["2028 cohort at Participants 0 % (threshold 75 %): Pilot with volunteers only"])
            #expect(overrides.items.first?.attribution == Attribution(manager, at: now))
            // Moves after draft pass no gate.
            #expect(try await office.move(cycle.id, to: .draft).state == .draft)

            // The admin sets the threshold (recorded); a manager may read it, not set it.
            let asAdmin = ReadinessReview(store: store, principal: admin)
            await #expect(throws: AccessDenied.self) { try await ReadinessReview(store: store, principal: manager).setThreshold(0, now: now) }
            let outOfRange = await #expect(throws: ValidationError.self) { try await asAdmin.setThreshold(101, now: now) }
            #expect(outOfRange?.issues.first?.message == "must be a whole percentage from 0 to 100, not 101")
            #expect(try await asAdmin.setThreshold(0, now: now).percent == 0)
            #expect(try await ReadinessReview(store: store, principal: manager).threshold().percent == 0)
            let changes = try await store.changes(programme: nil, kinds: [.readinessThresholdChanged], page: .first)
            #expect(changes.items.map(\.subject) == ["75 % → 0 %"] && changes.items.first?.attribution.by == "admin@lodestar.example")
            // At 0 % the programme is ready: the cycle opens without a reason, and nothing more is recorded.
            #expect(try await office.move(cycle.id, to: .enrolling).state == .enrolling)
            #expect(try await ReadinessReview(store: store, principal: manager).overrides(of: programme).total == 1)
        }
    }
}
