/// How a programme matches: weights, the seniority rule, and the other hard-rule settings.
public struct MatchingSettings: Sendable, Hashable, Codable {
    public var weights: MatchWeights
    /// Standard formats: a mentor is this many levels more senior, at least…
    public var minimumLevelGap: Int
    /// …and at most.
    public var maximumLevelGap: Int
    /// Distance format: the least weekly overlap, in minutes, in which a pair can meet.
    public var minimumWeeklyOverlap: Int
    /// Exclude every pair that met in an earlier cycle of the programme.
    public var rotation: Bool
    /// Set when mentees choose their mentors (who accept or decline) instead of the manager
    /// publishing an optimal plan.
    public var menteeChoice: MenteeChoice?
    /// Peer format: form circles of about this many (3–5) instead of pairs.
    public var peerCircleSize: Int?
    /// True when mentors complete every mentor module of the programme's training before they
    /// are matched (a hard rule); absent, as stored by earlier versions, means no.
    public var mentorTrainingFirst: Bool?
    /// An optional priority for under-represented mentees when places are short; absent, none.
    public var menteePriority: MenteePriority?

    /// The matching priority a plan in `format` goes by: none in peer and speed programmes, which
    /// share no mentors' places, nor when mentees choose their mentors (there is no plan).
    public func priority(for format: MentoringFormat) -> MenteePriority? {
        format == .peer || format == .speed || menteeChoice != nil ? nil : menteePriority
    }

    /// Whether matching waits for mentors' training.
    public var requiresMentorTraining: Bool { mentorTrainingFirst ?? false }

    /// Mentee-choice mode: each mentee sends up to `maximumRequests` ranked requests; a mentor
    /// answers within `responseDays`, else the request passes to the mentee's next choice.
    public struct MenteeChoice: Sendable, Hashable, Codable {
        public var maximumRequests: Int
        public var responseDays: Int
        /// Creates the mode's settings.
        public init(maximumRequests: Int = 3, responseDays: Int = 7) {
            self.maximumRequests = maximumRequests
            self.responseDays = responseDays
        }
    }

    /// Defaults for a format.
    public static func defaults(for format: MentoringFormat) -> MatchingSettings {
        MatchingSettings(weights: .defaults(for: format), minimumLevelGap: 1, maximumLevelGap: 6, minimumWeeklyOverlap: 60, rotation: true)
    }

    /// Problems with the settings, by field.
    public var issues: [FieldIssue] {
        var issues = weights.issues
        if !(0...20).contains(minimumLevelGap) || !(minimumLevelGap...20).contains(maximumLevelGap) {
            issues.append(FieldIssue(field: "matching.maximumLevelGap", message: "level gaps must satisfy 0 ≤ minimum ≤ maximum ≤ 20 (now \(minimumLevelGap)…\(maximumLevelGap))"))
        }
        if !(0...(7 * 24 * 60)).contains(minimumWeeklyOverlap) {
            issues.append(FieldIssue(field: "matching.minimumWeeklyOverlap", message: "\(minimumWeeklyOverlap) minutes is not within a week (0–10080)"))
        }
        if let choice = menteeChoice {
            if !(1...5).contains(choice.maximumRequests) {
                issues.append(FieldIssue(field: "matching.menteeChoice.maximumRequests", message: "\(choice.maximumRequests) is not from 1 to 5 requests"))
            }
            if !(1...30).contains(choice.responseDays) {
                issues.append(FieldIssue(field: "matching.menteeChoice.responseDays", message: "\(choice.responseDays) is not from 1 to 30 days"))
            }
        }
        if let size = peerCircleSize, !(3...5).contains(size) {
            issues.append(FieldIssue(field: "matching.peerCircleSize", message: "\(size) is not a circle of 3 to 5 peers (leave it out for pairs)"))
        }
        issues += menteePriority?.issues ?? []
        return issues
    }

    /// The settings when they can be used; settings stored by an older version that are out of
    /// range are refused with what to correct, before any arithmetic on them.
    public func checked() throws(ValidationError) -> MatchingSettings {
        let issues = self.issues
        guard issues.isEmpty else {
            throw ValidationError(issues.map { FieldIssue(field: $0.field, message: "the programme's stored setting can't be used: \($0.message); correct it on the programme") })
        }
        return self
    }

    /// Creates settings.
    public init(weights: MatchWeights, minimumLevelGap: Int, maximumLevelGap: Int, minimumWeeklyOverlap: Int, rotation: Bool,
                menteeChoice: MenteeChoice? = nil, peerCircleSize: Int? = nil, mentorTrainingFirst: Bool? = nil, menteePriority: MenteePriority? = nil) {
        self.weights = weights
        self.minimumLevelGap = minimumLevelGap
        self.maximumLevelGap = maximumLevelGap
        self.minimumWeeklyOverlap = minimumWeeklyOverlap
        self.rotation = rotation
        self.menteeChoice = menteeChoice
        self.peerCircleSize = peerCircleSize
        self.mentorTrainingFirst = mentorTrainingFirst
        self.menteePriority = menteePriority
    }
}
