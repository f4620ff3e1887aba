import Foundation

/// A cycle's calendar: the day applications close, the day of matching, the day its
/// relationships start and the day they end. Each is a day (noon UTC, the same day in every
/// zone) or not set yet; those set follow one another in that order.
public struct CycleDates: Sendable, Equatable, Codable {
    public var applicationsClose: Date?
    public var matching: Date?
    public var start: Date?
    public var end: Date?

    /// Creates a calendar.
    public init(applicationsClose: Date? = nil, matching: Date? = nil, start: Date? = nil, end: Date? = nil) {
        self.applicationsClose = applicationsClose
        self.matching = matching
        self.start = start
        self.end = end
    }

    /// The days in order, with their field names and words.
    public var days: [(field: String, words: String, day: Date?)] {
        [("applicationsClose", "applications close", applicationsClose), ("matching", "matching", matching),
         ("start", "relationships start", start), ("end", "relationships end", end)]
    }

    /// The days out of order, each named by its field: a day before an earlier step's, or an
    /// end not after the start.
    public var issues: [FieldIssue] {
        var issues: [FieldIssue] = []
        var previous: (words: String, day: Date)?
        for (field, words, day) in days {
            guard let day else { continue }
            if let previous, day < previous.day || (field == "end" && day == previous.day) {
                issues.append(FieldIssue(field: "dates.\(field)", message: "the day \(words) comes \(field == "end" ? "after" : "on or after") the day \(previous.words)"))
            }
            previous = (words, day)
        }
        return issues
    }
}

extension CycleDates {
    /// A cycle's day as every reader sees it (the days are the same in every zone).
    public static func day(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .omitted, timeZone: .gmt))
    }

    /// True until the end (UTC) of the day applications close, or always when no day is set.
    public func takeApplications(at now: Date) -> Bool {
        guard let applicationsClose else { return true }
        return now < applicationsClose.addingTimeInterval(12 * 3600)
    }
}

extension ProgrammeOffice {
    /// Sets a cycle's calendar, refusing days out of order; a closed cycle keeps its own.
    public func setDates(of cycleID: Cycle.ID, to dates: CycleDates) async throws -> Cycle {
        var (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "changing a cycle's dates")
        try requireNotArchived(programme)
        guard cycle.state != .closed else {
            throw ValidationError([FieldIssue(field: "dates", message: "\(cycle.name) is closed; its dates are the record of what happened")])
        }
        guard dates.issues.isEmpty else { throw ValidationError(dates.issues) }
        cycle.dates = dates
        try await store.save(cycle)
        return cycle
    }
}
