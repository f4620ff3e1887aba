import Foundation
import LodestarCore
import Testing

@Suite("Meeting times and iCalendar documents")
struct CalendarTests {
    static func diary(_ text: String, _ zone: String) throws -> MeetingTimes.Diary {
        MeetingTimes.Diary(availability: try WeeklyAvailability.parse(text), timeZone: try #require(TimeZone(identifier: zone)))
    }

    static func utc(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

    @Test("times inside both availabilities, each read in its own zone, through the weeks the two zones change clocks apart")
    func suggestions() throws {
        // Berlin mornings, Toronto early mornings: in winter they share 11:00–12:00 UTC; from 14 March
        // 2027 Toronto is on summer time (Berlin not until 28 March), so they share 10:00–12:00 UTC.
        let berlin = try Self.diary("mon 09:00-13:00", "Europe/Berlin"), toronto = try Self.diary("mon 06:00-08:00", "America/Toronto")
        let winter = MeetingTimes.suggest(berlin, toronto, minutes: 60, from: try Self.utc("2027-03-03T12:00:00Z"), days: 14)
        #expect(winter == [try Self.utc("2027-03-08T11:00:00Z"), try Self.utc("2027-03-15T10:00:00Z")])
        #expect(MeetingTimes.suggest(berlin, toronto, minutes: 90, from: try Self.utc("2027-03-03T12:00:00Z"), days: 14)
                == [try Self.utc("2027-03-15T10:00:00Z")], "90 minutes fit only the longer overlap")
        #expect(MeetingTimes.fits(berlin, start: try Self.utc("2027-03-15T10:00:00Z"), minutes: 60))
        #expect(!MeetingTimes.fits(toronto, start: try Self.utc("2027-03-15T12:00:00Z"), minutes: 60))
        let never = try Self.diary("sat 09:00-10:00", "Asia/Tokyo")
        #expect(MeetingTimes.suggest(berlin, never, minutes: 30, from: try Self.utc("2027-03-03T12:00:00Z")).isEmpty)
        // Not sooner than an hour from now, on the half hour.
        let soon = MeetingTimes.suggest(berlin, berlin, minutes: 30, from: try Self.utc("2027-03-08T08:10:00Z"), days: 1)
        #expect(soon == [try Self.utc("2027-03-08T09:30:00Z")])
    }

    static func event(_ zone: String, cancelled: Bool = false, summary: String = "Mentoring: Ana & Bo") throws -> CalendarEvent {
        CalendarEvent(uid: "meeting-1@lodestar", sequence: 2, stamp: try utc("2027-03-01T08:00:00Z"), start: try utc("2027-03-29T08:00:00Z"),
                      end: try utc("2027-03-29T09:00:00Z"), timeZone: try #require(TimeZone(identifier: zone)), summary: summary,
                      description: "Agenda:\nfirst, goals; then actions", location: "Room 4", cancelled: cancelled,
                      organizer: .init(name: "Ana \"A\" Lima", email: "ana@example.org"), attendees: [.init(name: "Bo Chen", email: "bo@example.org")])
    }

    @Test("an invitation: CRLF lines of at most 75 octets, escaped text, the zone's own transitions in VTIMEZONE, local start")
    func invitation() throws {
        let long = "Mentoring: " + String(repeating: "Ünïcödé ", count: 20)
        let text = ICalendar.document([try Self.event("Europe/Berlin", summary: long)], method: .request)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:\(long)"), "folding never splits a character")
        #expect(unfolded.contains("DESCRIPTION:Agenda:\\nfirst\\, goals\\; then actions"))
        #expect(unfolded.contains("ORGANIZER;CN=\"Ana A Lima\":mailto:ana@example.org"))
        // 29 March 2027 is after Berlin's switch (28 March): 08:00 UTC is 10:00 CEST.
        #expect(unfolded.contains("DTSTART;TZID=Europe/Berlin:20270329T100000") && unfolded.contains("DTSTAMP:20270301T080000Z"))
        #expect(unfolded.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"))
        #expect(unfolded.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"))
        #expect(unfolded.contains("METHOD:REQUEST") && unfolded.contains("STATUS:CONFIRMED") && unfolded.contains("SEQUENCE:2"))
    }

    @Test("a cancellation says CANCEL and CANCELLED; UTC times need no VTIMEZONE; a zone without summer time has one observance")
    func cancellationAndZones() throws {
        let cancel = ICalendar.document([try Self.event("UTC", cancelled: true)], method: .cancel)
        #expect(cancel.contains("METHOD:CANCEL") && cancel.contains("STATUS:CANCELLED") && cancel.contains("DTSTART:20270329T080000Z"))
        #expect(!cancel.contains("VTIMEZONE"))
        let kolkata = ICalendar.document([try Self.event("Asia/Kolkata")], method: .publish)
        #expect(kolkata.components(separatedBy: "BEGIN:STANDARD").count == 2 && !kolkata.contains("DAYLIGHT"))
        #expect(kolkata.contains("TZOFFSETTO:+0530") && kolkata.contains("DTSTART;TZID=Asia/Kolkata:20270329T133000"))
    }
}
