import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Meeting reminders and nudges")
struct NudgesStoreTests {
    static let now = MeetingsStoreTests.now

    /// The demo cycle, active, with the demo pair in it since `since`.
    static func activePair(_ store: FluentStore, since: Date) async throws
        -> (Relationship, mentor: Principal, mentee: Principal, DemoOrganisation, manager: Principal) {
        let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
        var cycle = demo.cycle
        cycle.state = .active
        try await store.save(cycle)
        return (try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: since, store), mentor, mentee, demo, manager)
    }

    @Test("a day before a meeting both hear once; a moved meeting is reminded again; a cancelled one never", arguments: TestDatabase.allCases)
    func reminders(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (relationship, _, mentee, _, _) = try await Self.activePair(store, since: Self.now)
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            let soon = try await workspace.scheduleMeeting(relationship.id, MeetingsStoreTests.plan(20), now: Self.now)
            let cancelled = try await workspace.scheduleMeeting(relationship.id, MeetingsStoreTests.plan(10), now: Self.now)
            _ = try await workspace.cancelMeeting(relationship.id, meeting: cancelled.id, now: Self.now)
            _ = try await workspace.scheduleMeeting(relationship.id, MeetingsStoreTests.plan(30), now: Self.now)  // not yet within a day
            let nudges = Nudges(store: store, publicURL: "https://mentoring.example")
            #expect(try await nudges.run(now: Self.now).reminders == 1)
            #expect(try await nudges.run(now: Self.now.addingTimeInterval(60)).reminders == 0, "each meeting is reminded once")
            let reminders = try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("Reminder:") }
            #expect(reminders.count == 2 && Set(reminders.map(\.recipient)).count == 2)
            _ = try await workspace.rescheduleMeeting(relationship.id, meeting: soon.id, MeetingsStoreTests.plan(22), now: Self.now.addingTimeInterval(120))
            #expect(try await nudges.run(now: Self.now.addingTimeInterval(180)).reminders == 1, "the new time is reminded")
        }
    }

    @Test("a pair that has not met for three cadences is nudged once per cadence, not when its next meeting is arranged; ending cancels it",
          arguments: TestDatabase.allCases)
    func nudges(database: TestDatabase) async throws {
        try await database.withStore { store in
            // The demo programme meets monthly: 100 days without a meeting is at risk.
            let (relationship, mentor, mentee, demo, _) = try await Self.activePair(store, since: Self.now.addingTimeInterval(-100 * 86400))
            let nudges = Nudges(store: store)
            let first = try await nudges.run(now: Self.now)
            #expect(first.nudges == 1)
            let sent = try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("Time to meet") }
            #expect(Set(sent.map(\.recipient)) == [try #require(mentor.person?.email), try #require(mentee.person?.email)])
            #expect(sent.allSatisfy { $0.body.contains("is at risk") && $0.body.contains("/relationships/\(relationship.id)") })
            #expect(try await nudges.run(now: Self.now.addingTimeInterval(86400)).nudges == 0, "not again within the cadence")
            let later = Self.now.addingTimeInterval(Double(demo.programme.cadence.days + 1) * 86400)
            _ = try await RelationshipWorkspace(store: store, principal: mentor).scheduleMeeting(
                relationship.id, .init(startsAt: later.addingTimeInterval(5 * 86400), minutes: 60, mode: .virtual, place: "", timeZone: "UTC"), now: later)
            #expect(try await nudges.run(now: later).nudges == 0, "a pair with its next meeting arranged is left alone")
            _ = try await RelationshipWorkspace(store: store, principal: mentor).end(relationship.id, reason: "moved abroad", now: later)
            let dropped = try await store.scheduledMeetings(of: relationship.id)
            #expect(dropped.count == 1 && dropped.allSatisfy { $0.cancelled && $0.sequence == 1 }, "ending cancels the meeting ahead")
            #expect(try await nudges.run(now: later.addingTimeInterval(40 * 86400)) == Nudges.Outcome(), "an ended relationship hears nothing")
        }
    }

    @Test("two servers running the job at once write each reminder and nudge exactly once")
    func twoServers() async throws {
        try await TestDatabase.postgresql.withTwoServers { first, second in
            let demo = try #require(try await DemoSeeder(store: first).seedIfEmpty())
            var cycle = demo.cycle
            cycle.state = .active
            try await first.save(cycle)
            // Every mentee with a mentor (round robin), all quiet for 100 days, each with a meeting tomorrow-ish.
            let mentors = demo.enrolments.filter { $0.role == .mentor }, mentees = demo.enrolments.filter { $0.role == .mentee }
            let pairs = mentees.enumerated().map { index, mentee in
                let mentor = mentors[index % mentors.count]
                return Relationship(cycleID: cycle.id, mentor: mentor.id, mentee: mentee.id, mentorPerson: mentor.personID, menteePerson: mentee.personID,
                                    score: 50, startedAt: Self.now.addingTimeInterval(-100 * 86400))
            }
            try await first.insert(pairs)
            for (index, pair) in pairs.enumerated() where index % 2 == 0 {
                try await first.save(ScheduledMeeting(relationshipID: pair.id, startsAt: Self.now.addingTimeInterval(3600 + Double(index) * 60), minutes: 30,
                                                            mode: .virtual, place: "", timeZone: "UTC", arrangedBy: pair.menteePerson, changedAt: Self.now))
            }
            async let a = Nudges(store: first).run(now: Self.now)
            async let b = Nudges(store: second).run(now: Self.now)
            let (one, two) = try await (a, b)
            let reminded = (pairs.count + 1) / 2, nudged = pairs.count - reminded
            #expect(one.reminders + two.reminders == reminded && one.nudges + two.nudges == nudged)
            let notices = try await first.notices(page: .everything).items
            #expect(notices.filter { $0.subject.hasPrefix("Reminder:") }.count == 2 * reminded)
            #expect(notices.filter { $0.subject.hasPrefix("Time to meet") }.count == 2 * nudged)
            // 100 days is beyond two monthly cadences: each quiet pair's mentor hears once more, as the mentor.
            #expect(one.mentorNudges + two.mentorNudges == nudged && notices.filter { $0.subject.hasSuffix("is waiting to hear from you") }.count == nudged)
        }
    }
}
