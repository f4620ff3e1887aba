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
        let rhythm = rhythm(of: relationship, lastMeeting: lastMeeting, cadence: cadence, now: now)
        if rhythm == .atRisk || poorFit { return .atRisk }
        if rhythm == .needsAttention || overdueGoals > 0 || pulse?.concern != nil { return .needsAttention }
        return .onTrack
    }

    /// By the rhythm of meetings alone, counted from the last meeting (or the start, before the
    /// first): up to one and a half cadences is on track, up to three needs attention, beyond is at risk.
    public static func rhythm(of relationship: Relationship, lastMeeting: Date?, cadence: MeetingCadence, now: Date) -> RelationshipHealth {
        let since = max(lastMeeting ?? relationship.startedAt, relationship.startedAt)
        let days = now.timeIntervalSince(since) / 86400, cadenceDays = Double(cadence.days)
        return days > 3 * cadenceDays ? .atRisk : days > 1.5 * cadenceDays ? .needsAttention : .onTrack
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
