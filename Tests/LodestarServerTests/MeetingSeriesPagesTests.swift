import Foundation
import LodestarCore
import LodestarTestSupport
import NIOCore
import Testing

/// A series arranged from the workspace's form, its one calendar file, and a meeting that took
/// place confirmed as held from the page.
@Suite("Meeting series in the browser")
struct MeetingSeriesPagesTests {
    @Test("the arrange form makes a series (a bad count named), the series downloads as one repeating event, a past meeting is confirmed held once")
    func series() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withAppAndStore(.sqlite, demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client, store in
            let mentee = try #require(callers.value[.mentee]), manager = try #require(callers.value[.manager])
            guard case .session(_, let csrf) = mentee else { Issue.record("session"); return }
            let path = "/relationships/\(callers.relationship)"
            let fields = ["csrf": csrf, "date": "2099-03-16", "time": "10:00", "timeZone": "Europe/Berlin", "minutes": "60", "mode": "virtual", "place": ""]
            let bad = try await client.form("\(path)/schedule", fields.merging(["count": "lots"]) { $1 }, as: mentee)
            #expect(bad.status == .unprocessableContent && String(buffer: bad.body).contains("is not a number of meetings"))
            #expect(try await client.form("\(path)/schedule", fields.merging(["count": "3"]) { $1 }, as: mentee).status == .seeOther)
            let (_, page) = try await client.page(path, as: mentee)
            let series = try #require(page.firstMatch(of: /(\/relationships\/[0-9a-f-]+\/series\/[0-9a-f-]{36}\/invitation\.ics)/).map { String($0.1) })
            #expect(page.components(separatedBy: "part of a series").count - 1 == 3)
            let (status, ics) = try await client.page(series, as: mentee)
            #expect(status == .ok && ics.contains("RRULE:FREQ=") && ics.contains("COUNT=3"))
            #expect(try await client.page(series, as: manager).0 == .forbidden, "the pair's only")

            // A meeting that took place: arranged in the past directly, confirmed from the page, once.
            let relationship = try #require(Relationship.ID(callers.relationship))
            let past = ScheduledMeeting(relationshipID: relationship, startsAt: Date().addingTimeInterval(-3600), minutes: 45, mode: .virtual, place: "", timeZone: "UTC",
                                        arrangedBy: try #require(try await store.relationship(relationship)).mentorPerson, changedAt: Date().addingTimeInterval(-86400))
            try await store.save(past)
            let confirm = "\(path)/schedule/\(past.id)/held"
            #expect(try await client.page(path, as: mentee).1.contains(confirm))
            #expect(try await client.form(confirm, ["csrf": csrf], as: mentee).status == .seeOther)
            let again = try await client.form(confirm, ["csrf": csrf], as: mentee)
            #expect(again.status == .unprocessableContent && String(buffer: again.body).contains("is confirmed as held already"))
            #expect(try await store.meetings(of: relationship).map(\.minutes) == [45])
        }
    }
}
