import Foundation

/// A mentoring programme: what it is for and how it runs; it runs in cycles.
public struct Programme: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = Identifier<Programme>

    public var id: ID
    public var name: String
    public var objectives: String
    /// Slugs of the competencies the programme develops.
    public var focusCompetencies: [String]
    public var format: MentoringFormat
    public var durationWeeks: Int
    public var cadence: MeetingCadence
    /// How the programme matches; nil means the format's defaults.
    public var matching: MatchingSettings?
    /// Set while the programme is archived: kept for the record, changed no more until restored.
    public var archivedAt: Date?

    /// The matching settings in force: the programme's own, or its format's defaults.
    public var effectiveMatching: MatchingSettings { matching ?? .defaults(for: format) }

    /// Creates a programme.
    public init(
        id: ID = ID(), name: String, objectives: String, focusCompetencies: [String],
        format: MentoringFormat, durationWeeks: Int, cadence: MeetingCadence, matching: MatchingSettings? = nil, archivedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.objectives = objectives
        self.focusCompetencies = focusCompetencies
        self.format = format
        self.durationWeeks = durationWeeks
        self.cadence = cadence
        self.matching = matching
        self.archivedAt = archivedAt
    }
}

/// How mentors and mentees are brought together.
public enum MentoringFormat: String, Sendable, Codable, CaseIterable, Choice {
    case oneToOne = "one-to-one"
    case group
    case peer
    case reverse
    case distance
    case speed

    /// Peer formats draw both sides from one pool, so one person may enrol as mentor and mentee.
    public var allowsBothRoles: Bool { self == .peer }

    /// Words a programme manager reads.
    public var label: String {
        switch self {
        case .oneToOne: "One-to-one"
        case .group: "Group"
        case .peer: "Peer"
        case .reverse: "Reverse"
        case .distance: "Distance (e-mentoring)"
        case .speed: "Speed mentoring"
        }
    }
}

/// How often a pair is expected to meet.
public enum MeetingCadence: String, Sendable, Codable, CaseIterable, Choice {
    case weekly
    case fortnightly
    case monthly
    case quarterly

    /// The expected number of days between meetings.
    public var days: Int {
        switch self {
        case .weekly: 7
        case .fortnightly: 14
        case .monthly: 30
        case .quarterly: 91
        }
    }
}

/// How a programme's relationships are made up.
public enum RelationshipShape: Sendable, Equatable {
    /// A mentor and one mentee.
    case pair
    /// A mentor and the several mentees of their group, with shared goals.
    case group
    /// A peer circle of 3–5, one of them convening it.
    case circle
}

extension Programme {
    /// Pairs, groups (group format) or circles (peer format with a circle size).
    public var relationshipShape: RelationshipShape {
        switch format {
        case .group: .group
        case .peer where effectiveMatching.peerCircleSize != nil: .circle
        default: .pair
        }
    }
}
