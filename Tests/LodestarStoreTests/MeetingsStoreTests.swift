import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Arranged meetings, invitations and the calendar feed")
struct MeetingsStoreTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15

    static func plan(_ hoursAhead: Double, minutes: Int = 60, mode: MeetingMode = .virtual) -> RelationshipWorkspace.MeetingPlan {
        .init(startsAt: now.addingTimeInterval(hoursAhead * 3600), minutes: minutes, mode: mode, place: "Room 4; floor 2", timeZone: "Europe/Berlin")
    }

    @Test("arrange, move and cancel: the partner hears each; the invitation keeps its UID and raises its sequence; CANCEL at the end",
          arguments: TestDatabase.allCases)
    func arrangeMoveCancel(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: Self.now.addingTimeInterval(-86400), store)
            let asMentee = RelationshipWorkspace(store: store, principal: mentee, publicURL: "https://mentoring.example/")
            let arranged = try await asMentee.scheduleMeeting(relationship.id, Self.plan(48), now: Self.now)
            let first = try await asMentee.invitation(relationship.id, meeting: arranged.id)
            #expect(first.contains("METHOD:REQUEST") && first.contains("UID:\(arranged.uid)") && first.contains("SEQUENCE:0"))
            #expect(first.contains("DTSTART;TZID=Europe/Berlin:20270117T090000") && first.contains("BEGIN:VTIMEZONE"))
            #expect(first.contains("LOCATION:Room 4\\; floor 2"))
            let moved = try await asMentee.rescheduleMeeting(relationship.id, meeting: arranged.id, Self.plan(50, minutes: 45), now: Self.now.addingTimeInterval(60))
            #expect(moved.id == arranged.id && moved.sequence == 1)
            let second = try await RelationshipWorkspace(store: store, principal: mentor).invitation(relationship.id, meeting: arranged.id)
            #expect(second.contains("UID:\(arranged.uid)") && second.contains("SEQUENCE:1") && second.contains("DTSTART;TZID=Europe/Berlin:20270117T110000"))
            let cancelled = try await asMentee.cancelMeeting(relationship.id, meeting: arranged.id, now: Self.now.addingTimeInterval(120))
            #expect(cancelled.cancelled && cancelled.sequence == 2)
            do {
                _ = try await asMentee.rescheduleMeeting(relationship.id, meeting: arranged.id, Self.plan(60), now: Self.now.addingTimeInterval(180))
                Issue.record("moved a cancelled meeting")
            } catch let error as ValidationError {
                #expect(error.summary.contains("was cancelled; arrange a new one"))
            }
            let third = try await asMentee.invitation(relationship.id, meeting: arranged.id)
            #expect(third.contains("METHOD:CANCEL") && third.contains("STATUS:CANCELLED") && third.contains("UID:\(arranged.uid)"))
            // The mentor heard of each change, with a link to the invitation.
            let mentorEmail = try #require(mentor.person?.email)
            let told = try await store.notices(page: .everything).items.filter { $0.recipient == mentorEmail }
            #expect(told.count == 3)
            for change in ["arranged", "moved", "cancelled"] { #expect(told.contains { $0.subject.hasPrefix("Mentoring meeting \(change):") }, "\(change)") }
            #expect(told.allSatisfy { $0.body.contains("https://mentoring.example/relationships/\(relationship.id)/schedule/\(arranged.id)/invitation.ics") })
            // 17 January 2027 is a Sunday; the demo's free time is on weekdays: the mentor is told so.
            let arrangedNotice = try #require(told.first { $0.subject.hasPrefix("Mentoring meeting arranged:") })
            #expect(arrangedNotice.body.contains("outside the free time in your mentoring profile"))
            #expect(!(try #require(told.first { $0.subject.hasPrefix("Mentoring meeting cancelled") })).body.contains("outside the free time"))
            // No one else arranges or reads the pair's meetings.
            for outsider in [manager, Principal.commandLine] {
                await #expect(throws: AccessDenied.self) { try await RelationshipWorkspace(store: store, principal: outsider).scheduleMeeting(relationship.id, Self.plan(30), now: Self.now) }
                await #expect(throws: AccessDenied.self) { try await RelationshipWorkspace(store: store, principal: outsider).invitation(relationship.id, meeting: arranged.id) }
            }
        }
    }

    @Test("a meeting in the past, of a wrong length, of no mode, in an unknown zone, or in person for distance mentoring is refused by field",
          arguments: TestDatabase.allCases)
    func refusals(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: Self.now.addingTimeInterval(-86400), store)
            let workspace = RelationshipWorkspace(store: store, principal: mentor)
            var bad = Self.plan(-2, minutes: 5, mode: .either)
            bad.timeZone = "Mars/Olympus"
            do {
                _ = try await workspace.scheduleMeeting(relationship.id, bad, now: Self.now)
                Issue.record("accepted a meeting in the past")
            } catch let error as ValidationError {
                #expect(Set(error.issues.map(\.field)) == ["startsAt", "minutes", "mode", "timeZone"])
            }
            var programme = demo.programme
            programme.format = .distance
            try await store.save(programme)
            do {
                _ = try await workspace.scheduleMeeting(relationship.id, Self.plan(24, mode: .inPerson), now: Self.now)
                Issue.record("accepted an in-person meeting in distance mentoring")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["mode"] && error.summary.contains("virtual"))
            }
            #expect(try await workspace.scheduleMeeting(relationship.id, Self.plan(24), now: Self.now).mode == .virtual)
            #expect(try await store.scheduledMeetings(of: relationship.id).count == 1, "nothing refused was stored")
        }
    }

    @Test("the calendar feed lists the person's meetings only, by its secret; a new secret ends the old one", arguments: TestDatabase.allCases)
    func feed(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: Self.now.addingTimeInterval(-86400), store)
            let meeting = try await RelationshipWorkspace(store: store, principal: mentee).scheduleMeeting(relationship.id, Self.plan(24), now: Self.now)
            // Another pair's meeting, which neither of them may see in their feed.
            let others = demo.enrolments.filter { $0.personID != mentor.person?.id && $0.personID != mentee.person?.id }
            let otherMentor = try #require(others.first { $0.role == .mentor }), otherMentee = try #require(others.first { $0.role == .mentee })
            let otherPair = Relationship(cycleID: demo.cycle.id, mentor: otherMentor.id, mentee: otherMentee.id, mentorPerson: otherMentor.personID,
                                         menteePerson: otherMentee.personID, score: 50, startedAt: Self.now)
            try await store.insert([otherPair])
            let hidden = ScheduledMeeting(relationshipID: otherPair.id, startsAt: Self.now.addingTimeInterval(7200), minutes: 30, mode: .virtual, place: "",
                                          timeZone: "UTC", arrangedBy: otherMentor.personID, changedAt: Self.now)
            try await store.save(hidden)
            let feeds = CalendarFeeds(store: store, credentials: TestAccounts.credentials)
            let token = try await feeds.renew(for: mentor, now: Self.now)
            let text = try #require(try await feeds.feed(token: token))
            #expect(text.contains("METHOD:PUBLISH") && text.contains("UID:\(meeting.uid)") && !text.contains(hidden.uid))
            let mentorHasFeed = try await feeds.exists(for: mentor), menteeHasFeed = try await feeds.exists(for: mentee)
            #expect(mentorHasFeed && !menteeHasFeed)
            let renewed = try await feeds.renew(for: mentor, now: Self.now)
            #expect(try await feeds.feed(token: token) == nil, "the old address stops working")
            let current = try await feeds.feed(token: renewed), guessed = try await feeds.feed(token: "cal_guess")
            #expect(current != nil && guessed == nil)
            await #expect(throws: ValidationError.self) { try await feeds.renew(for: .commandLine, now: Self.now) }
        }
    }
}
