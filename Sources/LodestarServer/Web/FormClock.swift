import Foundation
import LodestarCore

/// Reads a moment from a form's `date` (yyyy-MM-dd), `time` (HH:mm) and `timeZone` fields.
enum FormClock {
    static func moment(_ form: [String: String]) throws -> (Date, TimeZone) {
        let zoneName = form["timeZone"] ?? ""
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ValidationError([FieldIssue(field: "timeZone", message: "'\(zoneName)' is not a time zone such as Europe/Berlin")])
        }
        let day = (form["date"] ?? "").split(separator: "-").compactMap { Int($0) }
        let clock = (form["time"] ?? "").split(separator: ":").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard day.count == 3, clock.count == 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]),
              let start = calendar.date(from: DateComponents(year: day[0], month: day[1], day: day[2], hour: clock[0], minute: clock[1])) else {
            throw ValidationError([FieldIssue(field: "startsAt", message: "'\(form["date"] ?? "") \(form["time"] ?? "")' is not a date and time; pick a day and a time such as 14:30")])
        }
        return (start, zone)
    }
}
