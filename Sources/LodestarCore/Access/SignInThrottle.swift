import Foundation

/// Failed sign-ins counted per account and per address: after `slowAfter` failures within the
/// window each attempt waits `delay`; after `lockAfter` the key is refused until the lock ends.
/// Counts live in the database, so every app server sees the same ones.
public struct SignInThrottle: Sendable {
    public var window: TimeInterval
    public var slowAfter: Int
    public var delay: Duration
    public var lockAfter: Int
    public var lockFor: TimeInterval

    /// Five failures in 15 minutes slow sign-in by two seconds; ten lock it for 15 minutes.
    public init(window: TimeInterval = 900, slowAfter: Int = 5, delay: Duration = .seconds(2), lockAfter: Int = 10, lockFor: TimeInterval = 900) {
        self.window = window
        self.slowAfter = slowAfter
        self.delay = delay
        self.lockAfter = lockAfter
        self.lockFor = lockFor
    }
}

/// The failures counted for one key ("account:…" or "address:…").
public struct SignInFailures: Sendable, Equatable {
    public var key: String
    public var count: Int
    public var firstAt: Date
    public var lockedUntil: Date?

    /// Creates a record.
    public init(key: String, count: Int, firstAt: Date, lockedUntil: Date?) {
        self.key = key
        self.count = count
        self.firstAt = firstAt
        self.lockedUntil = lockedUntil
    }
}

/// Why a sign-in was refused, in words for the sign-in page.
public enum SignInRefused: Error, Equatable, Sendable, CustomStringConvertible {
    /// Wrong email or password (never says which).
    case wrongCredentials
    /// Too many failures: refused until the given time.
    case locked(until: Date)

    public var description: String {
        switch self {
        case .wrongCredentials:
            "That email and password don't match an account. Check both, or ask for a password reset."
        case .locked(let until):
            "Too many failed sign-ins. Sign-in is locked until \(until.formatted(.dateTime.hour().minute().timeZone())); try again then, or reset your password."
        }
    }
}
