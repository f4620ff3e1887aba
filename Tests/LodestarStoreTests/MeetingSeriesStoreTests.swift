import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Meeting series and confirming meetings held")
struct MeetingSeriesStoreTests {
    static let now = MeetingsStoreTests.now  // 2027-01-15

    @Test("a series repeats at the cadence on the same wall-clock time across a change of summer time; one .ics with RRULE, EXDATE for a cancelled occurrence and RECURRENCE-ID for a moved one",
          arguments: TestDatabase.allCases)
    func series(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (relationship, mentor, mentee, _, _) = try await NudgesStoreTests.activePair(store, since: Self.now)
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            // 10:00 in Berlin on 2027-03-01, fortnightly: the 2027-03-29 one is after the change to summer time, still at 10:00.
            let first = try #require(ISO8601DateFormatter().date(from: "2027-03-01T09:00:00Z"))
            let plan = RelationshipWorkspace.MeetingPlan(startsAt: first, minutes: 60, mode: .virtual, place: "", timeZone: "Europe/Berlin")
            for count in [1, 27] {
                await #expect(throws: ValidationError.self) { try await workspace.scheduleSeries(relationship.id, plan, count: count, now: Self.now) }
            }
            let meetings = try await workspace.scheduleSeries(relationship.id, plan, count: 4, now: Self.now)
            let berlin = WallTime(zone: "Europe/Berlin")
            #expect(meetings.map { berlin.text($0.startsAt) } == ["2027-03-01 10:00", "2027-03-15 10:00", "2027-03-29 10:00", "2027-04-12 10:00"])
            #expect(Set(meetings.compactMap(\.series?.id)).count == 1 && meetings.allSatisfy { $0.series?.occurrence == $0.startsAt })
            let told = try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("4 mentoring meetings arranged") }
            #expect(told.count == 1 && told[0].recipient == mentor.person?.email, "the others are told once for the series")

            _ = try await workspace.cancelMeeting(relationship.id, meeting: meetings[1].id, now: Self.now)
            var moved = RelationshipWorkspace.MeetingPlan(startsAt: meetings[2].startsAt.addingTimeInterval(86400), minutes: 45, mode: .virtual, place: "", timeZone: "Europe/Berlin")
            moved.place = "Room 4"
            _ = try await workspace.rescheduleMeeting(relationship.id, meeting: meetings[2].id, moved, now: Self.now)
            let series = try #require(meetings[0].series?.id)
            let ics = try await RelationshipWorkspace(store: store, principal: mentor).seriesInvitation(relationship.id, series: series)
            #expect(ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4") && ics.contains("DTSTART;TZID=Europe/Berlin:20270301T100000"))
            #expect(ics.contains("EXDATE;TZID=Europe/Berlin:20270315T100000"), "the cancelled occurrence is an exception")
            #expect(ics.contains("RECURRENCE-ID;TZID=Europe/Berlin:20270329T100000") && ics.contains("DTSTART;TZID=Europe/Berlin:20270330T100000"),
                    "the moved occurrence is its own event of the series")
            #expect(ics.components(separatedBy: "UID:series-\(series.uuidString.lowercased())@lodestar").count - 1 == 2)
            let single = try await workspace.invitation(relationship.id, meeting: meetings[3].id)
            #expect(single.contains("UID:series-") && single.contains("RECURRENCE-ID;TZID=Europe/Berlin:20270412T100000"),
                    "one occurrence's invitation updates that occurrence of the series in a calendar")
            await #expect(throws: NotFound.self) { try await workspace.seriesInvitation(relationship.id, series: UUID()) }
        }
    }

    @Test("an arranged meeting that took place is confirmed as held in one click, once; a future or cancelled one is not", arguments: TestDatabase.allCases)
    func confirmHeld(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (relationship, _, mentee, _, manager) = try await NudgesStoreTests.activePair(store, since: Self.now)
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            let meeting = try await workspace.scheduleMeeting(relationship.id, MeetingsStoreTests.plan(20, minutes: 45), now: Self.now)
            let cancelled = try await workspace.scheduleMeeting(relationship.id, MeetingsStoreTests.plan(30), now: Self.now)
            _ = try await workspace.cancelMeeting(relationship.id, meeting: cancelled.id, now: Self.now)
            await #expect(throws: ValidationError.self, "not before it takes place") { try await workspace.confirmHeld(relationship.id, meeting: meeting.id, now: Self.now) }
            let after = Self.now.addingTimeInterval(2 * 86400)
            await #expect(throws: ValidationError.self) { try await workspace.confirmHeld(relationship.id, meeting: cancelled.id, now: after) }
            let held = try await workspace.confirmHeld(relationship.id, meeting: meeting.id, now: after)
            #expect(held.heldOn == meeting.startsAt && held.minutes == 45 && held.mode == .virtual)
            await #expect(throws: ValidationError.self, "once") { try await workspace.confirmHeld(relationship.id, meeting: meeting.id, now: after) }
            #expect(try await store.scheduledMeeting(meeting.id)?.heldAs == held.id)
            let oversight = try await RelationshipWorkspace(store: store, principal: manager).oversight(of: relationship, now: after)
            #expect(oversight.meetings == 1 && oversight.minutes == 45, "the hours add up without retyping")
        }
    }
}

/// A moment as a wall clock in a zone reads it, "2027-03-01 10:00".
struct WallTime {
    let zone: String
    func text(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: zone) ?? .gmt)
        style = style.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)
        return String(date.formatted(style).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}

@Suite("Logging a meeting held today")
struct HeldTodayTests {
    @Test("a meeting held today is logged before noon UTC, in New York and in Tokyo; tomorrow is refused")
    func today() throws {
        let morning = try #require(ISO8601DateFormatter().date(from: "2027-03-15T02:00:00Z"))  // 22:00 on the 14th in New York, 11:00 on the 15th in Tokyo
        let day = { (text: String) in try #require(ISO8601DateFormatter().date(from: text + "T12:00:00Z")) }
        let newYork = try #require(TimeZone(identifier: "America/New_York")), tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(!RelationshipWorkspace.isLater(try day("2027-03-15"), than: morning, in: tokyo), "today in Tokyo")
        #expect(!RelationshipWorkspace.isLater(try day("2027-03-14"), than: morning, in: newYork), "today in New York")
        #expect(RelationshipWorkspace.isLater(try day("2027-03-15"), than: morning, in: newYork), "still tomorrow in New York")
        #expect(RelationshipWorkspace.isLater(try day("2027-03-16"), than: morning, in: tokyo))
    }
}

@Suite("Meeting series: cancelled and unknown")
struct MeetingSeriesEdgeStoreTests {
    @Test("a series with every occurrence cancelled is cancelled as one event; an unknown meeting is not found, not confirmed", arguments: TestDatabase.allCases)
    func cancelledSeries(database: TestDatabase) async throws {
        try await database.withStore { store in
            let now = MeetingSeriesStoreTests.now
            let (relationship, _, mentee, _, _) = try await NudgesStoreTests.activePair(store, since: now)
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            let meetings = try await workspace.scheduleSeries(relationship.id, MeetingsStoreTests.plan(48), count: 3, now: now)
            for meeting in meetings { _ = try await workspace.cancelMeeting(relationship.id, meeting: meeting.id, now: now) }
            let ics = try await workspace.seriesInvitation(relationship.id, series: try #require(meetings.first?.series?.id))
            #expect(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED") && ics.contains("RRULE:") && !ics.contains("RECURRENCE-ID"),
                    "the whole series is cancelled, not its first occurrence")
            await #expect(throws: NotFound.self) { try await workspace.confirmHeld(relationship.id, meeting: ScheduledMeeting.ID(), now: now) }
            #expect(try await store.meetings(of: relationship.id).isEmpty)
        }
    }
}
