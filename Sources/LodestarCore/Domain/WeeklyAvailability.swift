/// Recurring free time in a week, in the person's own time zone.
public struct WeeklyAvailability: Sendable, Hashable, Codable {
    public var slots: [Slot]

    /// Creates availability from slots; slots that overlap or touch on one day become one, so
    /// no free minute is counted twice.
    public init(slots: [Slot] = []) { self.slots = Self.merging(slots) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(slots: try container.decode([Slot].self, forKey: .slots))
    }

    /// Sorted by day and start, overlapping or touching slots joined; slots that end before they
    /// start are kept as they are, for the profile rules to name.
    static func merging(_ slots: [Slot]) -> [Slot] {
        let broken = slots.filter { $0.startMinute >= $0.endMinute }
        var merged: [Slot] = []
        for slot in slots.filter({ $0.startMinute < $0.endMinute }).sorted(by: { ($0.day.index, $0.startMinute) < ($1.day.index, $1.startMinute) }) {
            if let last = merged.last, last.day == slot.day, slot.startMinute <= last.endMinute {
                merged[merged.count - 1].endMinute = max(last.endMinute, slot.endMinute)
            } else {
                merged.append(slot)
            }
        }
        return merged + broken
    }

    /// Total free minutes per week.
    public var minutesPerWeek: Int { slots.reduce(0) { $0 + max(0, min($1.endMinute, 1440) - max($1.startMinute, 0)) } }

    /// One free period on one weekday, in minutes from midnight.
    public struct Slot: Sendable, Hashable, Codable {
        public var day: Weekday
        public var startMinute: Int
        public var endMinute: Int
        /// Creates a slot; callers validate `start < end` within one day.
        public init(day: Weekday, startMinute: Int, endMinute: Int) {
            self.day = day
            self.startMinute = startMinute
            self.endMinute = endMinute
        }
    }
}

/// A day of the week, Monday first as in ISO 8601.
public enum Weekday: String, Sendable, Codable, CaseIterable, Choice {
    case mon, tue, wed, thu, fri, sat, sun

    /// Monday is 0.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

extension WeeklyAvailability {
    /// The text form used in CSV files and forms: `mon 09:00-11:00; wed 14:00-15:30`.
    public var text: String {
        slots.map { "\($0.day.rawValue) \(Self.clock($0.startMinute))-\(Self.clock($0.endMinute))" }
            .joined(separator: "; ")
    }

    /// Parses the text form, or says what is wrong with it.
    public static func parse(_ text: String) throws(FieldProblem) -> WeeklyAvailability {
        var slots: [Slot] = []
        for part in ListField.split(text) {
            let pieces = part.split(separator: " ", omittingEmptySubsequences: true)
            let times = pieces.count == 2 ? pieces[1].split(separator: "-") : []
            guard pieces.count == 2, let day = Weekday(rawValue: pieces[0].lowercased()), times.count == 2,
                  let start = minutes(String(times[0])), let end = minutes(String(times[1]))
            else {
                throw FieldProblem("'\(part)' is not a slot; write e.g. 'mon 09:00-11:00' (days mon…sun, 24-hour times)")
            }
            guard start < end else { throw FieldProblem("'\(part)' ends before it starts") }
            slots.append(Slot(day: day, startMinute: start, endMinute: end))
        }
        return WeeklyAvailability(slots: slots)
    }

    private static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }

    private static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
