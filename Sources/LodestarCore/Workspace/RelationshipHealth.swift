import Foundation

/// How a relationship is going, from how long ago the pair last met against the programme's
/// cadence (M14): on track, needs attention, at risk — at risk first in every list.
public enum RelationshipHealth: String, Sendable, Comparable, CaseIterable {
    case atRisk = "at-risk"
    case needsAttention = "needs-attention"
    case onTrack = "on-track"
    case ended

    /// Judges a relationship from its last meeting (or its start, before the first) and its
    /// overdue goals. Up to one and a half cadences since is on track, up to three needs
    /// attention, beyond that at risk; an overdue goal, or a low or falling pulse, makes an
    /// on-track pair need attention; "not a fit" from either side puts it at risk.
    public static func assess(_ relationship: Relationship, lastMeeting: Date?, cadence: MeetingCadence, overdueGoals: Int = 0,
                              pulse: PulseTrend? = nil, poorFit: Bool = false, now: Date) -> RelationshipHealth {
        if relationship.endedAt != nil { return .ended }
        let since = now.timeIntervalSince(max(lastMeeting ?? relationship.startedAt, relationship.startedAt)) / 86400
        let cadenceDays = Double(cadence.days)
        if since > 3 * cadenceDays || poorFit { return .atRisk }
        if since > 1.5 * cadenceDays || overdueGoals > 0 || pulse?.concern != nil { return .needsAttention }
        return .onTrack
    }

    /// In words for a page.
    public var label: String {
        switch self {
        case .atRisk: "at risk"
        case .needsAttention: "needs attention"
        case .onTrack: "on track"
        case .ended: "ended"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
