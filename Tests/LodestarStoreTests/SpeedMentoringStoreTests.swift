import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Speed-mentoring events")
struct SpeedMentoringStoreTests {
    @Test("the manager plans an event for a speed programme; everyone hears their rounds; a participant's .ics lists theirs; outsiders see nothing",
          arguments: TestDatabase.allCases)
    func event(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = MeetingsStoreTests.now
            let plan = SpeedEvent.Plan(startsAt: now.addingTimeInterval(7 * 86400), rounds: 5, minutes: 8, pause: 2, place: "Atrium", timeZone: "Europe/London")
            do {
                _ = try await SpeedMentoring(store: store, principal: manager).plan(demo.cycle.id, plan, now: now)
                Issue.record("planned speed mentoring for a one-to-one programme")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["format"])
            }
            var programme = demo.programme
            programme.format = .speed
            try await store.save(programme)
            var wrong = plan
            wrong.rounds = 500
            wrong.minutes = 1
            await #expect(throws: ValidationError.self) { try await SpeedMentoring(store: store, principal: manager).plan(demo.cycle.id, wrong, now: now) }
            await #expect(throws: AccessDenied.self) { try await SpeedMentoring(store: store, principal: mentor).plan(demo.cycle.id, plan, now: now) }
            // A declared conflict between a mentor and a mentee: they never sit together.
            let mentors = demo.enrolments.filter { $0.cycleID == demo.cycle.id && $0.role == .mentor }
            let mentees = demo.enrolments.filter { $0.cycleID == demo.cycle.id && $0.role == .mentee }
            let people = Dictionary(uniqueKeysWithValues: try await store.allPeople().map { ($0.id, $0) })
            let (conflicted, other) = (try #require(mentors.first), try #require(mentees.first))
            _ = try await ConflictRegister(store: store, principal: .commandLine).declare(
                between: try #require(people[conflicted.personID]).externalID, and: try #require(people[other.personID]).externalID, reason: "siblings", now: Date())
            let event = try await SpeedMentoring(store: store, principal: manager).plan(demo.cycle.id, plan, now: now)
            let pairs = event.seats.map { [$0.mentor, $0.mentee] }
            #expect(Set(pairs).count == pairs.count, "no pair meets twice")
            #expect(!pairs.contains([conflicted.id, other.id]), "a conflicted pair never sits together")
            #expect(Set(event.seats.map(\.round)) == [1, 2, 3, 4, 5])
            for round in 1...5 {
                let seated = event.seats.filter { $0.round == round }
                #expect(Set(seated.map(\.mentor)).count == seated.count && Set(seated.map(\.mentee)).count == seated.count, "one conversation per table and per mentee")
                #expect(seated.count == min(mentors.count, mentees.count), "round \(round) fills every table it can")
                #expect(seated.allSatisfy { event.tables[$0.mentor] == $0.table }, "a mentor keeps their table")
            }
            #expect(try await store.speedEvent(of: demo.cycle.id) == event)
            let participants = demo.enrolments.filter { $0.cycleID == demo.cycle.id }.count
            let told = try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("Speed mentoring in") }
            #expect(told.count == participants)
            // The mentee's calendar: one event per round they sit, at the round's time and table.
            let mine = try #require(mentee.enrolments.first { $0.enrolment.cycleID == demo.cycle.id }?.enrolment)
            let seats = SpeedMentoring.rounds(of: mine.id, in: event)
            let ics = try await SpeedMentoring(store: store, principal: mentee).calendar(demo.cycle.id)
            #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == seats.count)
            if let first = seats.first {
                #expect(ics.contains("SUMMARY:Speed mentoring\\, round \(first.round): table \(first.table) with"))
            }
            let account = Account(email: "outsider@example.org", personID: nil, passwordHash: nil, isAdmin: false, createdAt: now)
            try await store.save(account)
            let outsider = try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: account)
            await #expect(throws: AccessDenied.self) { try await SpeedMentoring(store: store, principal: outsider).event(demo.cycle.id) }
            // Planned again: the same event, new seating, no duplicate row.
            var later = plan
            later.rounds = 3
            let again = try await SpeedMentoring(store: store, principal: manager).plan(demo.cycle.id, later, now: now)
            let stored = try await store.speedEvent(of: demo.cycle.id)
            #expect(again.id == event.id && stored?.plan.rounds == 3)
        }
    }
}
