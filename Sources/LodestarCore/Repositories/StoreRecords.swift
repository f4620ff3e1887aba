import Foundation

/// A stored record a conditional update holds while it compares and writes.
public enum LockedRecord: Sendable {
    case person(Person.ID), programme(Programme.ID), cycle(Cycle.ID), enrolment(Enrolment.ID)
    /// A relationship, while a new version of its agreement or of one of its goals is written.
    case relationship(Relationship.ID)
    case competency(slug: String), webhook(WebhookEndpoint.ID)
}

/// A change made on a version the caller read, which someone changed since: refused, so that
/// nobody's change is overwritten unseen (`If-Match` no longer holds: 409).
public struct ChangedSinceRead: Error, Equatable, Sendable, CustomStringConvertible {
    public let what: String
    /// The version it is now.
    public let version: Int
    /// Creates the error.
    public init(what: String, version: Int) {
        self.what = what
        self.version = version
    }
    public var description: String { "The \(what) changed since you read it (it is now version \(version)); read it again, then send your change." }
}

/// The notices not yet sent: how many, and when the oldest was written.
public struct OutboxBacklog: Sendable, Equatable {
    public let waiting: Int
    public let oldest: Date?
    /// Creates a backlog.
    public init(waiting: Int, oldest: Date?) {
        self.waiting = waiting
        self.oldest = oldest
    }
}

/// A server's connection pool as the database sees it.
public struct ConnectionUse: Sendable, Equatable {
    /// How many connections the pool may open.
    public let limit: Int
    /// Open connections by the database's state for them: `active` (running a statement), `idle`
    /// (free in the pool), `idle in transaction`.
    public let byState: [String: Int]
    /// Creates a reading.
    public init(limit: Int, byState: [String: Int]) {
        self.limit = limit
        self.byState = byState
    }
}
