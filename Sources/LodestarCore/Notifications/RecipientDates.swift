import Foundation

extension Person {
    /// The person's time zone (UTC when their directory entry names none that exists).
    public var zone: TimeZone { zone(orElse: nil) }

    /// The person's time zone, else `fallback` (a zone's name), else UTC.
    public func zone(orElse fallback: String?) -> TimeZone {
        TimeZone(identifier: timeZone) ?? fallback.flatMap(TimeZone.init(identifier:)) ?? .gmt
    }

    /// A day as this person reads it in a message: in their own time zone, not the server's.
    public func day(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .omitted, timeZone: zone))
    }

    /// A moment as this person reads it in a message, with the time and their zone's name.
    public func moment(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .shortened, timeZone: zone)) + " (\(zone.identifier))"
    }
}
