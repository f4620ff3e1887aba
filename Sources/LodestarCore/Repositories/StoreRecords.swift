import Foundation

/// A stored record a conditional update holds while it compares and writes.
public enum LockedRecord: Sendable {
    case person(Person.ID), programme(Programme.ID), cycle(Cycle.ID), enrolment(Enrolment.ID)
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
