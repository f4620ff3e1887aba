import Foundation
import LodestarCore

/// Reads dates and times from form fields: `yyyy-MM-dd` days, `HH:mm` times, and zones.
enum FormClock {
    /// A day from a `yyyy-MM-dd` field, at noon UTC (so it is the same day in every zone).
    static func day(_ text: String, field: String) throws -> Date {
        guard let date = instant(text, "12:00", in: TimeZone(identifier: "UTC")!) else {
            throw ValidationError([FieldIssue(field: field, message: "'\(text)' is not a date; write it as 2027-03-15")])
        }
        return date
    }

    /// A moment from the form's `date`, `time` and `timeZone` fields.
    static func moment(_ form: [String: String]) throws -> (Date, TimeZone) {
        let zoneName = form["timeZone"] ?? ""
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ValidationError([FieldIssue(field: "timeZone", message: "'\(zoneName)' is not a time zone such as Europe/Berlin")])
        }
        guard let start = instant(form["date"] ?? "", form["time"] ?? "", in: zone) else {
            throw ValidationError([FieldIssue(field: "startsAt", message: "'\(form["date"] ?? "") \(form["time"] ?? "")' is not a date and time; pick a day and a time such as 14:30")])
        }
        return (start, zone)
    }

    private static func instant(_ date: String, _ time: String, in zone: TimeZone) -> Date? {
        let day = date.split(separator: "-").compactMap { Int($0) }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, clock.count == 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: day[0], month: day[1], day: day[2], hour: clock[0], minute: clock[1]))
    }
}
