/// A rule that rules a pair out, whatever its score (PRODUCT.md M5).
public enum HardRule: String, Sendable, Codable, CaseIterable, Comparable, CodingKeyRepresentable {
    /// The mentor takes no mentees (capacity 0).
    case capacity
    /// One is in the other's manager chain.
    case reportingLine = "reporting-line"
    /// A declared conflict of interest.
    case declaredConflict = "declared-conflict"
    /// The levels don't fit the format (standard: mentor more senior within the range; peer: ±1; reverse: mentor junior).
    case seniority
    /// No language in common.
    case sharedLanguage = "shared-language"
    /// Distance format: both must meet virtually, with enough weekly overlap.
    case distance
    /// They were paired in an earlier cycle and the programme rotates, or their pair ended early in this one.
    case rotation
    /// A person can't mentor themselves (peer pools).
    case samePerson = "same-person"
    /// The programme asks mentors to complete its mentor training before matching, and this one has not.
    case mentorTraining = "mentor-training"

    /// What the rule means, for a person reading why a pair was excluded.
    public var explanation: String {
        switch self {
        case .capacity: "the mentor takes no mentees this cycle"
        case .reportingLine: "one is in the other's reporting line"
        case .declaredConflict: "a conflict of interest was declared"
        case .seniority: "their levels don't suit the format"
        case .sharedLanguage: "they share no working language"
        case .distance: "distance mentoring needs virtual meetings and enough overlapping free time"
        case .rotation: "they were paired before in this programme"
        case .samePerson: "it is the same person"
        case .mentorTraining: "the mentor has not completed the programme's mentor training"
        }
    }

    public static func < (lhs: HardRule, rhs: HardRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A set of hard rules, without allocation (one bit per rule).
public struct HardRules: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// The set holding one rule.
    public init(_ rule: HardRule) { rawValue = 1 << UInt16(HardRule.allCases.firstIndex(of: rule)!) }
    /// The rules, in rule order.
    public var rules: [HardRule] { HardRule.allCases.filter { contains(HardRules($0)) } }
}
