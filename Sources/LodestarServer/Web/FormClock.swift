import Foundation
import LodestarCore

/// Reads dates and times from form fields: `yyyy-MM-dd` days, `HH:mm` times, and zones.
enum FormClock {
    /// A day from a `yyyy-MM-dd` field, at noon UTC (so it is the same day in every zone).
    static func day(_ text: String, field: String) throws -> Date {
        guard let date = instant(text, "12:00", in: TimeZone.gmt) else {
            throw ValidationError([FieldIssue(field: field, message: "'\(text)' is not a date; write it as 2027-03-15")])
        }
        return date
    }

    /// A cycle's calendar from the fields `applicationsClose`, `matching`, `start` and `end`
    /// (`yyyy-MM-dd` each, as a form or the API sends them); an empty or absent one is unset.
    static func cycleDates(_ field: (String) -> String?) throws -> CycleDates {
        var issues: [FieldIssue] = []
        func day(_ name: String) -> Date? {
            let text = (field(name) ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            do { return try Self.day(text, field: "dates.\(name)") } catch let error as ValidationError { issues += error.issues } catch {}
            return nil
        }
        let dates = CycleDates(applicationsClose: day("applicationsClose"), matching: day("matching"), start: day("start"), end: day("end"))
        guard issues.isEmpty else { throw ValidationError(issues) }
        return dates
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

    /// The years a form may name: wide enough for any programme, narrow enough that no date
    /// arithmetic on them can overflow.
    static let years = 1900...2200

    /// The moment, or nil for anything that is not a real day and time (31 February, year 99999…).
    private static func instant(_ date: String, _ time: String, in zone: TimeZone) -> Date? {
        let day = date.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard day.count == 3, clock.count == 2, let year = day[0], let month = day[1], let dayOfMonth = day[2],
              let hour = clock[0], let minute = clock[1], years.contains(year), (1...12).contains(month), (1...31).contains(dayOfMonth),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let moment = calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute)),
              calendar.component(.day, from: moment) == dayOfMonth else { return nil }
        return moment
    }
}
