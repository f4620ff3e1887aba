import Foundation

/// Times people can meet: inside each one's weekly availability, each read in its own time zone,
/// so a mentor in Berlin and a mentee in Toronto (or a whole group) get times that suit all.
public enum MeetingTimes {
    /// A person's free time and the zone it is written in.
    public struct Diary: Sendable {
        public let availability: WeeklyAvailability
        public let timeZone: TimeZone
        /// Creates a diary.
        public init(availability: WeeklyAvailability, timeZone: TimeZone) {
            self.availability = availability
            self.timeZone = timeZone
        }
    }

    /// Up to `limit` start times of `minutes`-long meetings within the next `days` days, at least
    /// an hour from `now`, on the half hour, the first of each shared window.
    public static func suggest(_ first: Diary, _ second: Diary, minutes: Int, from now: Date, days: Int = 14, limit: Int = 6) -> [Date] {
        suggest([first, second], minutes: minutes, from: now, days: days, limit: limit)
    }

    /// As the two-diary `suggest`, for a group: times inside every diary.
    public static func suggest(_ diaries: [Diary], minutes: Int, from now: Date, days: Int = 14, limit: Int = 6) -> [Date] {
        let until = now.addingTimeInterval(TimeInterval(days) * 86400)
        let earliest = now.addingTimeInterval(3600)
        let length = TimeInterval(minutes * 60)
        var starts: [Date] = []
        guard let first = diaries.first else { return [] }
        let shared = diaries.dropFirst().reduce(free(first, from: now, until: until)) { overlap($0, free($1, from: now, until: until)) }
        for window in shared {
            let halfHours = (max(window.start, earliest).timeIntervalSince1970 / 1800).rounded(.up)
            let start = Date(timeIntervalSince1970: halfHours * 1800)
            if start.addingTimeInterval(length) <= window.end { starts.append(start) }
            if starts.count == limit { break }
        }
        return starts
    }

    /// True when a meeting from `start` for `minutes` lies inside the diary's free time.
    public static func fits(_ diary: Diary, start: Date, minutes: Int) -> Bool {
        let end = start.addingTimeInterval(TimeInterval(minutes * 60))
        return free(diary, from: start.addingTimeInterval(-86400), until: end.addingTimeInterval(86400))
            .contains { $0.start <= start && end <= $0.end }
    }

    /// The diary's free periods as instants, day by day in its own zone (so summer time is kept).
    static func free(_ diary: Diary, from: Date, until: Date) -> [DateInterval] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = diary.timeZone
        var day = calendar.startOfDay(for: from)
        var periods: [DateInterval] = []
        while day < until {
            let weekday = Weekday.allCases[(calendar.component(.weekday, from: day) + 5) % 7]
            for slot in diary.availability.slots where slot.day == weekday {
                guard let start = calendar.date(byAdding: .minute, value: slot.startMinute, to: day),
                      let end = calendar.date(byAdding: .minute, value: slot.endMinute, to: day), start < end else { continue }
                periods.append(DateInterval(start: start, end: end))
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return periods.sorted { $0.start < $1.start }
    }

    /// Where two sorted lists of periods overlap, in order.
    static func overlap(_ a: [DateInterval], _ b: [DateInterval]) -> [DateInterval] {
        var result: [DateInterval] = [], i = 0, j = 0
        while i < a.count && j < b.count {
            let start = max(a[i].start, b[j].start), end = min(a[i].end, b[j].end)
            if start < end { result.append(DateInterval(start: start, end: end)) }
            if a[i].end < b[j].end { i += 1 } else { j += 1 }
        }
        return result
    }
}
