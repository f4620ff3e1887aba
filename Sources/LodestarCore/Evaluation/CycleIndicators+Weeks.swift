import Foundation

extension CycleIndicators {
    /// One week of a cycle: the meetings held in it, their hours, the pulses given, and at its end
    /// how the relationships begun by then stood by the rhythm of their meetings.
    public struct Week: Sendable, Equatable {
        /// 1 for the cycle's first week.
        public let number: Int
        public let starts: Date
        public let meetings: Int
        public let minutes: Int
        public let meanPulse: Double?
        public let pulses: Int
        /// At the week's end (or now, in the week under way): relationships on track, needing
        /// attention, at risk (by meetings against the cadence), and ended.
        public let onTrack: Int
        public let needsAttention: Int
        public let atRisk: Int
        public let ended: Int

        /// The relationships still running at the week's end.
        public var running: Int { onTrack + needsAttention + atRisk }
        /// Of those, the share on track; nil for none.
        public var onTrackShare: Double? { CycleIndicators.share(onTrack, of: running) }
    }

    /// The weeks as a table: a line per week.
    public static let weeksCSVHeader = ["week", "starts", "meetings", "minutes", "mean_pulse", "pulses", "on_track", "needs_attention", "at_risk", "ended"]

    public var weeksCSVRows: [[String]] {
        weeks.map { [String($0.number), CalendarDay.text($0.starts), String($0.meetings), String($0.minutes),
                     $0.meanPulse.map { $0.written(decimals: 2) } ?? "", String($0.pulses),
                     String($0.onTrack), String($0.needsAttention), String($0.atRisk), String($0.ended)] }
    }

    /// The most weeks a trend shows (a cycle of more is shown from its start).
    public static let trendWeeks = 104

    /// The weeks from `start` to `asOf`, each with its meetings, pulses and the relationships' health.
    static func weeks(from start: Date?, to asOf: Date, relationships: [Relationship], cadence: MeetingCadence,
                      meetings: [HeldMeeting], pulses: [MeetingPulse]) -> [Week] {
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
        let health = Self.health(weeks: count, from: start, to: asOf, relationships: relationships, cadence: cadence, meetings: meetings)
        return (0..<count).map { at in
            let standing = health[at]
            return Week(number: at + 1, starts: start.addingTimeInterval(Double(at) * week), meetings: held[at].meetings, minutes: held[at].minutes,
                        meanPulse: ratings[at].isEmpty ? nil : Double(ratings[at].reduce(0, +)) / Double(ratings[at].count), pulses: ratings[at].count,
                        onTrack: standing[.onTrack, default: 0], needsAttention: standing[.needsAttention, default: 0],
                        atRisk: standing[.atRisk, default: 0], ended: standing[.ended, default: 0])
        }
    }

    /// For each week, at its end (or `asOf`), how many of the relationships begun by then stood in
    /// each state of health by the rhythm of their meetings — each relationship's meetings walked once.
    private static func health(weeks count: Int, from start: Date, to asOf: Date, relationships: [Relationship], cadence: MeetingCadence,
                               meetings: [HeldMeeting]) -> [[RelationshipHealth: Int]] {
        let days = Dictionary(grouping: meetings, by: \.relationshipID).mapValues { $0.map(\.heldOn).sorted() }
        let ends = (0..<count).map { min(start.addingTimeInterval(Double($0 + 1) * 7 * 86_400), asOf) }
        var health = Array(repeating: [RelationshipHealth: Int](), count: count)
        for relationship in relationships {
            let held = days[relationship.id] ?? []
            var next = 0
            for (at, end) in ends.enumerated() where relationship.startedAt <= end {
                while next < held.count && held[next] <= end { next += 1 }
                let state: RelationshipHealth = if let ended = relationship.endedAt, ended <= end { .ended } else {
                    .rhythm(of: relationship, lastMeeting: next > 0 ? held[next - 1] : nil, cadence: cadence, now: end)
                }
                health[at][state, default: 0] += 1
            }
        }
        return health
    }
}
