import Foundation
import LodestarCore

/// One recorded administrative change as a page lists it, its time in the reader's zone.
struct ChangeLine {
    let what: String
    let subject: String
    let by: String
    let at: String

    init(_ change: AdministrativeChange, in zone: TimeZone) {
        what = change.kind.words
        subject = change.subject
        by = change.attribution.by
        at = change.attribution.at.moment(in: zone)
    }
}

extension Attribution {
    /// "by Ada Admin <admin@…>, 30 Nov 2026, 10:00" in the reader's zone.
    func described(in zone: TimeZone) -> String { "by \(by), \(at.moment(in: zone))" }
}

extension Date {
    /// A short date and time in `zone`.
    func moment(in zone: TimeZone) -> String { formatted(Date.FormatStyle(date: .abbreviated, time: .shortened, timeZone: zone)) }
    /// A day as a page shows it, "1 Mar 2027" (days are kept at noon UTC; `day` is "2027-03-01").
    var shownDay: String { formatted(Date.FormatStyle(date: .abbreviated, time: .omitted, timeZone: .gmt)) }
}

extension Principal {
    /// The zone the principal reads times in: their person's, else UTC.
    var readingZone: TimeZone { person?.zone ?? .gmt }
}
