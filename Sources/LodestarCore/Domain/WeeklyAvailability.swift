/// Recurring free time in a week, in the person's own time zone.
public struct WeeklyAvailability: Sendable, Equatable, Codable {
    public var slots: [Slot]

    /// Creates availability from slots.
    public init(slots: [Slot] = []) { self.slots = slots }

    /// Total free minutes per week.
    public var minutesPerWeek: Int { slots.reduce(0) { $0 + $1.endMinute - $1.startMinute } }

    /// One free period on one weekday, in minutes from midnight.
    public struct Slot: Sendable, Equatable, Codable {
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
public enum Weekday: String, Sendable, Codable, CaseIterable {
    case mon, tue, wed, thu, fri, sat, sun
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
