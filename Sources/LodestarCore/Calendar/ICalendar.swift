import Foundation

/// One event of an iCalendar document (RFC 5545).
public struct CalendarEvent: Sendable, Equatable {
    /// Stays the same across updates and the cancellation, so calendars replace the event.
    public var uid: String
    /// Goes up with every change, so calendars know which version is newer.
    public var sequence: Int
    /// When this version was made.
    public var stamp: Date
    public var start: Date
    public var end: Date
    /// The zone the times are written in (the one the meeting was scheduled in).
    public var timeZone: TimeZone
    public var summary: String
    public var description: String
    public var location: String
    public var cancelled: Bool
    public var organizer: Attendee
    public var attendees: [Attendee]
    /// A series: its `RRULE` (e.g. `FREQ=WEEKLY;INTERVAL=2;COUNT=6`) and the occurrences it skips (`EXDATE`).
    public var recurrence: String?
    public var exceptions: [Date]
    /// One occurrence of a series, by the start it had in the series (`RECURRENCE-ID`).
    public var recurrenceID: Date?

    /// Someone taking part, by name and email.
    public struct Attendee: Sendable, Equatable {
        public var name: String
        public var email: String
        /// Creates an attendee.
        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// Creates an event.
    public init(uid: String, sequence: Int, stamp: Date, start: Date, end: Date, timeZone: TimeZone, summary: String,
                description: String, location: String, cancelled: Bool, organizer: Attendee, attendees: [Attendee],
                recurrence: String? = nil, exceptions: [Date] = [], recurrenceID: Date? = nil) {
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.summary = summary
        self.description = description
        self.location = location
        self.cancelled = cancelled
        self.organizer = organizer
        self.attendees = attendees
        self.recurrence = recurrence
        self.exceptions = exceptions
        self.recurrenceID = recurrenceID
    }
}

/// Writes iCalendar documents: an invitation (`REQUEST`), its cancellation (`CANCEL`), or a feed
/// (`PUBLISH`). Times carry their zone (`DTSTART;TZID=…`) with a `VTIMEZONE` built from the zone's
/// own transitions around the events; lines are folded at 75 octets and text is escaped.
public enum ICalendar {
    /// What a document asks of the calendar that reads it (RFC 5546).
    public enum Method: String, Sendable {
        case publish = "PUBLISH", request = "REQUEST", cancel = "CANCEL"
    }

    /// The whole document.
    public static func document(_ events: [CalendarEvent], method: Method, name: String? = nil) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lodestar//Mentoring//EN", "CALSCALE:GREGORIAN", "METHOD:\(method.rawValue)"]
        if let name { lines.append("X-WR-CALNAME:\(escape(name))") }
        let zones = Dictionary(grouping: events.filter { !isUTC($0.timeZone) }, by: \.timeZone.identifier)
        for (_, zoneEvents) in zones.sorted(by: { $0.key < $1.key }) {
            lines += timeZoneLines(zoneEvents[0].timeZone, around: zoneEvents.map(\.start))
        }
        for event in events { lines += eventLines(event, method: method) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    private static func eventLines(_ event: CalendarEvent, method: Method) -> [String] {
        let cancelled = event.cancelled || method == .cancel
        var lines = ["BEGIN:VEVENT", "UID:\(event.uid)", "SEQUENCE:\(event.sequence)", "DTSTAMP:\(utc(event.stamp))",
                     "DTSTART\(zoned(event.start, event.timeZone))", "DTEND\(zoned(event.end, event.timeZone))",
                     "SUMMARY:\(escape(event.summary))", "STATUS:\(cancelled ? "CANCELLED" : "CONFIRMED")"]
        if let recurrenceID = event.recurrenceID { lines.append("RECURRENCE-ID\(zoned(recurrenceID, event.timeZone))") }
        if let rule = event.recurrence { lines.append("RRULE:\(rule)") }
        for skipped in event.exceptions { lines.append("EXDATE\(zoned(skipped, event.timeZone))") }
        if !event.description.isEmpty { lines.append("DESCRIPTION:\(escape(event.description))") }
        if !event.location.isEmpty { lines.append("LOCATION:\(escape(event.location))") }
        lines.append("ORGANIZER;CN=\(parameter(event.organizer.name)):mailto:\(event.organizer.email)")
        for attendee in event.attendees {
            lines.append("ATTENDEE;CN=\(parameter(attendee.name));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:\(attendee.email)")
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// `VTIMEZONE` for `zone`: the offset in force a year before the first event, then every
    /// transition up to a year after the last.
    static func timeZoneLines(_ zone: TimeZone, around dates: [Date]) -> [String] {
        let from = (dates.min() ?? Date()).addingTimeInterval(-366 * 86400)
        let until = (dates.max() ?? Date()).addingTimeInterval(366 * 86400)
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        func observance(at date: Date, offsetFrom: Int, offsetTo: Int) {
            let kind = zone.isDaylightSavingTime(for: date) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "DTSTART:\(floating(date.addingTimeInterval(TimeInterval(offsetFrom))))",
                      "TZOFFSETFROM:\(offset(offsetFrom))", "TZOFFSETTO:\(offset(offsetTo))"]
            if let name = zone.abbreviation(for: date), !name.isEmpty { lines.append("TZNAME:\(escape(name))") }
            lines.append("END:\(kind)")
        }
        let initial = zone.secondsFromGMT(for: from)
        observance(at: from, offsetFrom: initial, offsetTo: initial)
        var cursor = from
        while let transition = zone.nextDaylightSavingTimeTransition(after: cursor), transition < until {
            observance(at: transition, offsetFrom: zone.secondsFromGMT(for: transition.addingTimeInterval(-1)),
                       offsetTo: zone.secondsFromGMT(for: transition))
            cursor = transition
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private static func isUTC(_ zone: TimeZone) -> Bool {
        ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Z"].contains(zone.identifier)
    }

    /// `;TZID=Europe/Berlin:20270315T100000`, or `:20270315T090000Z` in UTC.
    private static func zoned(_ date: Date, _ zone: TimeZone) -> String {
        isUTC(zone) ? ":" + utc(date) : ";TZID=\(zone.identifier):" + floating(date.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: date))))
    }

    static func utc(_ date: Date) -> String { floating(date) + "Z" }

    /// The wall-clock digits of a date already shifted to local time.
    private static func floating(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))"
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.gmt
        return calendar
    }()

    private static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+", minutes = abs(seconds) / 60
        let h = minutes / 60, m = minutes % 60
        return sign + (h < 10 ? "0" : "") + "\(h)" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A parameter value such as `CN`: quoted, without the characters a quoted value can't hold.
    private static func parameter(_ text: String) -> String {
        "\"" + text.filter { $0 != "\"" && !$0.isNewline } + "\""
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var out = "", width = 0
        for character in line {
            let octets = String(character).utf8.count
            if width + octets > 75 {
                out += "\r\n "
                width = 1
            }
            out.append(character)
            width += octets
        }
        return out
    }
}
