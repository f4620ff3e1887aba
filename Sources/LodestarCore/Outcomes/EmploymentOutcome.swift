import Foundation

/// What the HR system knows of one person's career, as imported for evaluating outcomes: when
/// they joined, when they left and when they were last promoted (each a day, or none), and their
/// latest performance rating (1–5) when the organisation shares one. Kept per person: a new
/// import replaces a person's record whole.
public struct EmploymentOutcome: Sendable, Equatable {
    public let personID: Person.ID
    public let hiredOn: Date?
    public let leftOn: Date?
    public let promotedOn: Date?
    public let rating: Int?

    public init(personID: Person.ID, hiredOn: Date?, leftOn: Date?, promotedOn: Date?, rating: Int?) {
        self.personID = personID
        self.hiredOn = hiredOn
        self.leftOn = leftOn
        self.promotedOn = promotedOn
        self.rating = rating
    }

    /// Ratings run from 1 to 5.
    public static let ratings = 1...5
}

/// A person of the HR file, placed for comparison: their level and department from the directory.
public struct WorkforceMember: Sendable, Equatable {
    public let outcome: EmploymentOutcome
    public let level: Int
    public let department: String

    public init(_ outcome: EmploymentOutcome, level: Int, department: String) {
        self.outcome = outcome
        self.level = level
        self.department = department
    }
}

/// When the HR outcomes were last imported, and how many people they cover.
public struct OutcomeImportRecord: Sendable, Equatable {
    public let people: Int
    public let imported: Attribution?

    public init(people: Int, imported: Attribution?) {
        self.people = people
        self.imported = imported
    }
}

/// A day written `yyyy-MM-dd`, kept at noon UTC so it is the same day in every zone.
public enum CalendarDay {
    /// The years a day may name: wide enough for any career, narrow enough that no date arithmetic overflows.
    public static let years = 1900...2200

    /// The day, or nil when the text is not a real `yyyy-MM-dd` day in `years`.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              years.contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let moment = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
              calendar.component(.day, from: moment) == day else { return nil }
        return moment
    }

    /// Noon UTC of the day (UTC) `date` falls on.
    public static func noon(of date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.date(bySettingHour: 12, minute: 0, second: 0, of: date) ?? date
    }

    /// The day's `yyyy-MM-dd` text.
    public static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
    }
}
