import Foundation

/// The moments a relationship celebrates (PRODUCT.md M16), awarded to everyone in it as they happen.
public enum MilestoneKind: String, Sendable, Codable, CaseIterable, Choice {
    case agreementSigned = "agreement-signed"
    case firstMeeting = "first-meeting"
    case firstGoalAchieved = "first-goal-achieved"
    case tenHours = "ten-hours"
    case cycleCompleted = "cycle-completed"

    /// How pages and messages name it.
    public var words: String {
        switch self {
        case .agreementSigned: "Agreement signed"
        case .firstMeeting: "First meeting"
        case .firstGoalAchieved: "First goal achieved"
        case .tenHours: "Ten hours of mentoring"
        case .cycleCompleted: "Cycle completed"
        }
    }

    /// What earned it, as its message says.
    public var reason: String {
        switch self {
        case .agreementSigned: "everyone signed your mentoring agreement"
        case .firstMeeting: "your first mentoring meeting is logged"
        case .firstGoalAchieved: "a goal of yours reached 100 %"
        case .tenHours: "your meetings add up to ten hours"
        case .cycleCompleted: "your relationship ran to the cycle's close"
        }
    }

    /// The kinds `relationship` has earned from its agreement, meetings and goals, and whether
    /// its cycle closed with it still open.
    static func earned(by relationship: Relationship, agreement: Agreement?, meetings: [HeldMeeting], goals: [Goal], cycleClosed: Bool) -> Set<MilestoneKind> {
        var kinds: Set<MilestoneKind> = []
        if agreement?.isSigned(in: relationship) == true { kinds.insert(.agreementSigned) }
        if !meetings.isEmpty { kinds.insert(.firstMeeting) }
        if goals.contains(where: \.isAchieved) { kinds.insert(.firstGoalAchieved) }
        // Minutes are 5 to 600 each when logged; the sum is capped so no stored value overflows it.
        if meetings.reduce(0, { min($0 + max(0, min($1.minutes, 600)), 1_000_000) }) >= 600 { kinds.insert(.tenHours) }
        if cycleClosed && relationship.endedAt == nil { kinds.insert(.cycleCompleted) }
        return kinds
    }
}

/// A milestone awarded to one person in one relationship.
public struct Milestone: Sendable, Equatable {
    public let personID: Person.ID
    public let relationshipID: Relationship.ID
    public let kind: MilestoneKind
    public let awardedAt: Date

    /// Creates a milestone.
    public init(personID: Person.ID, relationshipID: Relationship.ID, kind: MilestoneKind, awardedAt: Date) {
        self.personID = personID
        self.relationshipID = relationshipID
        self.kind = kind
        self.awardedAt = awardedAt
    }
}
