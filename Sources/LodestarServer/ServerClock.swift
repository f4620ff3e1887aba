import Foundation

/// Where the server reads the time: the system's, or — in tests — a fixed moment, so that a
/// page that depends on the date (a session's end, a relationship's health) can be checked.
public struct ServerClock: Sendable {
    /// The current time.
    public let now: @Sendable () -> Date

    /// A clock that reads `now`.
    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The system's clock.
    public static let system = ServerClock { Date() }

    /// A clock stopped at `moment`.
    public static func fixed(_ moment: Date) -> ServerClock { ServerClock { moment } }
}
