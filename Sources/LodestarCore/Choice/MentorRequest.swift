import Foundation

/// A mentee's request to one mentor, in mentee-choice mode. A mentee ranks up to K mentors; the
/// first request is sent at once and the rest wait; a decline or a request left unanswered past
/// its date passes to the next.
public struct MentorRequest: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<MentorRequest>

    public enum State: String, Sendable, Codable, CaseIterable {
        /// Behind a higher-ranked request.
        case waiting
        /// With the mentor, until it is answered or expires.
        case pending
        case accepted
        case declined
        /// Not answered in time.
        case expired
        /// Not needed any more: an earlier choice accepted.
        case withdrawn
    }

    public var id: ID
    public var cycleID: Cycle.ID
    public var mentee: Enrolment.ID
    public var mentor: Enrolment.ID
    /// 1 is the first choice.
    public var rank: Int
    public var state: State
    public var sentAt: Date?
    public var expiresAt: Date?
    public var answeredAt: Date?
    /// The mentor's reason, when declined.
    public var reason: String?

    /// Creates a request.
    public init(id: ID = ID(), cycleID: Cycle.ID, mentee: Enrolment.ID, mentor: Enrolment.ID, rank: Int, state: State,
                sentAt: Date? = nil, expiresAt: Date? = nil, answeredAt: Date? = nil, reason: String? = nil) {
        self.id = id
        self.cycleID = cycleID
        self.mentee = mentee
        self.mentor = mentor
        self.rank = rank
        self.state = state
        self.sentAt = sentAt
        self.expiresAt = expiresAt
        self.answeredAt = answeredAt
        self.reason = reason
    }

    /// True while the request can still lead somewhere.
    public var isOpen: Bool { state == .waiting || state == .pending }
}
