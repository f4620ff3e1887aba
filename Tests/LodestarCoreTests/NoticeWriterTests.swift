import Foundation
@testable import LodestarCore
import Testing

/// Messages are written in one place, each date and time in its recipient's own zone.
@Suite struct NoticeWriterTests {
    static func person(_ name: String, zone: String) -> Person {
        Person(externalID: name, name: name, email: "\(name.lowercased())@tests.example", title: "Lead", level: 5, department: "Ops",
               location: "", timeZone: zone, languages: ["en"])
    }

    /// True when `text` names that day of December 2026 (after `prefix`), in either of the
    /// orders a locale writes it.
    static func says(_ text: String, day: Int, after prefix: String = "") -> Bool {
        text.contains(prefix + "\(day) December 2026") || text.contains(prefix + "December \(day), 2026")
    }

    @Test("one meeting is told to each person at their own local time, its zone named, with a link under the public address")
    func meetingInEachZone() throws {
        let tokyo = Self.person("Aiko", zone: "Asia/Tokyo"), york = Self.person("Ben", zone: "America/New_York")
        // 2026-12-01 23:30 UTC: already the 2nd in Tokyo, still the 1st in New York.
        let start = try #require(ISO8601DateFormatter().date(from: "2026-12-01T23:30:00Z"))
        let meeting = ScheduledMeeting(relationshipID: Relationship.ID(), startsAt: start, minutes: 45, mode: .virtual, place: "", timeZone: "Europe/London",
                                       arrangedBy: york.id, changedAt: start)
        let writer = NoticeWriter(publicURL: "https://mentoring.example/", now: start)
        let toAiko = writer.reminder(meeting, to: tokyo, with: [york])
        let toBen = writer.reminder(meeting, to: york, with: [tokyo])
        #expect(toAiko.body.hasPrefix("Hello Aiko,\n\n") && toAiko.recipient == "aiko@tests.example")
        #expect(Self.says(toAiko.body, day: 2) && toAiko.body.contains("8:30") && toAiko.body.contains("(Asia/Tokyo)"))
        #expect(Self.says(toBen.body, day: 1) && toBen.body.contains("6:30") && toBen.body.contains("(America/New_York)"))
        #expect(toAiko.body.contains("https://mentoring.example/relationships/\(meeting.relationshipID)") && !toAiko.body.contains("example//"))
        let moved = writer.meetingChanged(meeting, "moved", by: york, to: tokyo, outside: true)
        #expect(moved.subject.hasPrefix("Mentoring meeting moved: ") && moved.body.contains("outside the free time"))
        #expect(moved.body.contains("/relationships/\(meeting.relationshipID)/schedule/\(meeting.id)/invitation.ics"))
    }

    @Test("an ending is dated in each recipient's zone; only those who may be matched again are told so")
    func endingInEachZone() throws {
        let tokyo = Self.person("Aiko", zone: "Asia/Tokyo"), york = Self.person("Ben", zone: "America/New_York")
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-01T23:30:00Z"))
        let writer = NoticeWriter(now: now)
        let toMentee = writer.ended(to: tokyo, with: [york], reason: "moved roles", rematchable: true)
        let toMentor = writer.ended(to: york, with: [tokyo], reason: "moved roles", rematchable: false)
        #expect(Self.says(toMentee.body, day: 2, after: "ended on ") && toMentee.body.contains("match you again"))
        #expect(Self.says(toMentor.body, day: 1, after: "ended on ") && !toMentor.body.contains("match you again"))
        #expect(toMentee.createdAt == now)
    }
}
