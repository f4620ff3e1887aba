import Foundation

/// One event on its way to one endpoint: claimed by one server at a time, sent, and retried
/// with a growing pause until the endpoint answers 2xx or the attempts run out.
public struct WebhookDelivery: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<WebhookDelivery>

    public var id: ID
    public var endpointID: WebhookEndpoint.ID
    public var eventID: WebhookEvent.ID
    public var kind: WebhookEvent.Kind
    public var payload: String
    public var createdAt: Date
    public var attempts: Int
    /// When the next attempt is due; nil once delivered or given up.
    public var nextAttemptAt: Date?
    public var deliveredAt: Date?
    public var lastAttemptAt: Date?
    /// The endpoint's last HTTP status, if it answered.
    public var lastStatus: Int?
    /// What went wrong last time (the status, or why there was no answer).
    public var lastError: String?

    /// Creates a delivery record.
    public init(id: ID = ID(), endpointID: WebhookEndpoint.ID, eventID: WebhookEvent.ID, kind: WebhookEvent.Kind, payload: String, createdAt: Date,
                attempts: Int = 0, nextAttemptAt: Date?, deliveredAt: Date? = nil, lastAttemptAt: Date? = nil, lastStatus: Int? = nil, lastError: String? = nil) {
        self.id = id
        self.endpointID = endpointID
        self.eventID = eventID
        self.kind = kind
        self.payload = payload
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.lastAttemptAt = lastAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
    }

    /// The event, waiting for `endpoint`.
    public init(_ event: WebhookEvent, to endpoint: WebhookEndpoint.ID) {
        self.init(endpointID: endpoint, eventID: event.id, kind: event.kind, payload: event.payload, createdAt: event.occurredAt, nextAttemptAt: event.occurredAt)
    }

    /// Where a delivery stands.
    public enum State: String, Sendable, CaseIterable, Codable {
        /// Due now or after a failed attempt's pause.
        case waiting
        case delivered
        /// Given up after the last attempt; an admin may send it again.
        case failed
    }

    public var state: State { deliveredAt != nil ? .delivered : nextAttemptAt == nil ? .failed : .waiting }

    /// The maximum attempts; after the last one failed the delivery is given up.
    public static let maximumAttempts = 8

    /// The pause after the `attempts`-th failed attempt: 30 s, 2 min, 8 min, 32 min, about 2 h,
    /// then 6 h — about fifteen hours in all before a delivery is given up.
    public static func pause(after attempts: Int) -> TimeInterval {
        let step = min(max(attempts, 1), 6) - 1
        return min(30 * pow(4, Double(step)), 6 * 3600)
    }

    /// Records one attempt's outcome at `now`, scheduling the next one if it failed.
    mutating func record(_ outcome: WebhookAttempt, at now: Date) {
        attempts += 1
        lastAttemptAt = now
        lastStatus = outcome.status
        lastError = outcome.succeeded ? nil : outcome.problem
        if outcome.succeeded {
            deliveredAt = now
            nextAttemptAt = nil
        } else {
            nextAttemptAt = attempts < Self.maximumAttempts ? now.addingTimeInterval(Self.pause(after: attempts)) : nil
        }
    }
}

/// What an endpoint made of one attempt.
public struct WebhookAttempt: Sendable, Equatable {
    /// The HTTP status, if the endpoint answered.
    public let status: Int?
    /// Why there was no answer (refused, timed out…), or nil.
    public let failure: String?

    /// The endpoint answered `status`.
    public static func answered(_ status: Int) -> WebhookAttempt { WebhookAttempt(status: status, failure: nil) }
    /// The endpoint could not be reached or did not answer in time.
    public static func unreachable(_ why: String) -> WebhookAttempt { WebhookAttempt(status: nil, failure: why) }

    /// Only a 2xx answer counts as delivered.
    public var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }

    var problem: String { failure ?? status.map { "answered HTTP \($0)" } ?? "no answer" }
}
