import Foundation

/// How one participant found one held meeting (PRODUCT.md M13): 1 (poor) to 5 (excellent),
/// with a comment that stays theirs unless they share it with the programme's managers.
public struct MeetingPulse: Sendable, Equatable {
    public let meetingID: HeldMeeting.ID
    public let relationshipID: Relationship.ID
    public let personID: Person.ID
    public let rating: Int
    public let comment: String
    /// The author lets the programme's managers read the comment (never the other participants).
    public let commentShared: Bool
    /// The fit check, asked after the first meeting (and after the next one while "not sure yet").
    public let fit: FitAnswer?
    public let givenAt: Date

    /// Creates a pulse.
    public init(meetingID: HeldMeeting.ID, relationshipID: Relationship.ID, personID: Person.ID, rating: Int, comment: String, commentShared: Bool,
                fit: FitAnswer? = nil, givenAt: Date) {
        self.meetingID = meetingID
        self.relationshipID = relationshipID
        self.personID = personID
        self.rating = rating
        self.comment = comment
        self.commentShared = commentShared
        self.fit = fit
        self.givenAt = givenAt
    }

    /// The ratings a pulse takes.
    public static let ratings = 1...5
}

/// Whether a pairing fits, as each participant answers after their first meeting.
public enum FitAnswer: String, Sendable, Codable, CaseIterable, Choice, Comparable {
    case good
    case unsure = "not-sure"
    case poor = "not-a-fit"

    /// Good before not sure before not a fit: the greatest is the worst.
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .good: 0
        case .unsure: 1
        case .poor: 2
        }
    }

    public var words: String {
        switch self {
        case .good: "a good fit"
        case .unsure: "not sure yet"
        case .poor: "not a fit"
        }
    }

    /// Whether `person` is asked the fit check now: before any answer, or after "not sure yet".
    public static func asked(of person: Person.ID, in pulses: [MeetingPulse]) -> Bool {
        let answers = pulses.filter { $0.personID == person && $0.fit != nil }.sorted { $0.givenAt < $1.givenAt }
        return answers.last?.fit == nil || answers.last?.fit == .unsure
    }

    /// Each participant's latest answer.
    public static func latest(in pulses: [MeetingPulse]) -> [Person.ID: FitAnswer] {
        var latest: [Person.ID: (Date, FitAnswer)] = [:]
        for pulse in pulses {
            guard let fit = pulse.fit else { continue }
            if let seen = latest[pulse.personID], seen.0 > pulse.givenAt { continue }
            latest[pulse.personID] = (pulse.givenAt, fit)
        }
        return latest.mapValues(\.1)
    }
}

/// A relationship's pulse over its meetings: the mean rating of its latest rated meeting and of
/// the one before. Low (2.5 or below) or falling by 1.5 or more, it needs attention.
public struct PulseTrend: Sendable, Equatable {
    public let latest: Double
    public let previous: Double?

    /// The trend of `pulses` over `meetings` (each meeting's ratings averaged, in the order held), nil before any.
    public init?(_ pulses: [MeetingPulse], meetings: [HeldMeeting]) {
        let byMeeting = Dictionary(grouping: pulses, by: \.meetingID)
        let rated = meetings.sorted { ($0.heldOn, $0.id.description) < ($1.heldOn, $1.id.description) }.compactMap { meeting -> Double? in
            guard let ratings = byMeeting[meeting.id], !ratings.isEmpty else { return nil }
            return Double(ratings.reduce(0) { $0 + $1.rating }) / Double(ratings.count)
        }
        guard let latest = rated.last else { return nil }
        self.latest = latest
        previous = rated.count > 1 ? rated[rated.count - 2] : nil
    }

    /// Why the pulse asks for attention, as figures only — or nil when it doesn't.
    public var concern: String? {
        if let previous, previous - latest >= 1.5 { return "pulse fell from \(Self.figure(previous)) to \(Self.figure(latest)) of 5" }
        if latest <= 2.5 { return "pulse \(Self.figure(latest)) of 5 after the last rated meeting" }
        return nil
    }

    public static func figure(_ value: Double) -> String { String(format: "%.1f", value) }
}
