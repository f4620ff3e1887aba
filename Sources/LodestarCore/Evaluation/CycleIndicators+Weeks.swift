import Foundation

extension CycleIndicators {
    /// One week of a cycle: the meetings held in it, their hours, and the pulses given.
    public struct Week: Sendable, Equatable {
        /// 1 for the cycle's first week.
        public let number: Int
        public let starts: Date
        public let meetings: Int
        public let minutes: Int
        public let meanPulse: Double?
        public let pulses: Int
    }

    /// The weeks as a table: a line per week.
    public static let weeksCSVHeader = ["week", "starts", "meetings", "minutes", "mean_pulse", "pulses"]

    public var weeksCSVRows: [[String]] {
        weeks.map { [String($0.number), CalendarDay.text($0.starts), String($0.meetings), String($0.minutes),
                     $0.meanPulse.map { $0.written(decimals: 2) } ?? "", String($0.pulses)] }
    }

    /// The most weeks a trend shows (a cycle of more is shown from its start).
    public static let trendWeeks = 104

    /// The weeks from `start` to `asOf`, each with its meetings and pulses.
    static func weeks(from start: Date?, to asOf: Date, meetings: [HeldMeeting], pulses: [MeetingPulse]) -> [Week] {
        guard let start, asOf > start else { return [] }
        let week: TimeInterval = 7 * 86_400
        let count = min(trendWeeks, Int((asOf.timeIntervalSince(start) / week).rounded(.up)))
        func index(_ day: Date) -> Int? {
            let offset = day.timeIntervalSince(start) / week
            return offset >= 0 && offset < Double(count) ? Int(offset) : nil
        }
        var held = Array(repeating: (meetings: 0, minutes: 0), count: count)
        for meeting in meetings { if let at = index(meeting.heldOn) { held[at].meetings += 1; held[at].minutes += meeting.minutes } }
        var ratings = Array(repeating: [Int](), count: count)
        for pulse in pulses { if let at = index(pulse.givenAt) { ratings[at].append(pulse.rating) } }
        return (0..<count).map { at in
            Week(number: at + 1, starts: start.addingTimeInterval(Double(at) * week), meetings: held[at].meetings, minutes: held[at].minutes,
                 meanPulse: ratings[at].isEmpty ? nil : Double(ratings[at].reduce(0, +)) / Double(ratings[at].count), pulses: ratings[at].count)
        }
    }
}
