/// What makes a mentee and a mentor a good pair (PRODUCT.md M4); each scores 0…1.
public enum MatchCriterion: String, Sendable, Codable, CaseIterable, Choice, CodingKeyRepresentable {
    /// The mentor offers, and is good at, what the mentee wants to develop (by priority).
    case goalSkillFit = "goal-skill-fit"
    /// The difference in level suits the format.
    case seniorityGap = "seniority-gap"
    case sharedInterests = "shared-interests"
    case communicationStyle = "communication-style"
    case learningPreference = "learning-preference"
    /// Weekly free time that overlaps, across time zones.
    case availabilityOverlap = "availability-overlap"
    /// Same city when either side meets only in person.
    case location
    /// Pairs across departments widen the mentee's network.
    case crossDepartment = "cross-department"
}

/// How much each criterion counts in a programme; weights are relative (0 switches one off).
public struct MatchWeights: Sendable, Hashable, Codable {
    public var values: [MatchCriterion: Double]

    /// Weights for a format: goal fit leads everywhere; distance weighs overlap, peers weigh interests.
    public static func defaults(for format: MentoringFormat) -> MatchWeights {
        var values: [MatchCriterion: Double] = [
            .goalSkillFit: 5, .seniorityGap: 2, .sharedInterests: 1, .communicationStyle: 1,
            .learningPreference: 1, .availabilityOverlap: 2, .location: 1, .crossDepartment: 1,
        ]
        switch format {
        case .distance: values[.availabilityOverlap] = 4; values[.location] = 0
        case .peer: values[.sharedInterests] = 2
        case .reverse: values[.crossDepartment] = 2
        default: break
        }
        return MatchWeights(values: values)
    }

    /// Creates weights; a missing criterion weighs 0.
    public init(values: [MatchCriterion: Double]) { self.values = values }

    // In JSON the weights are one object, criterion to weight: {"goal-skill-fit": 5, …}.
    public init(from decoder: any Decoder) throws {
        var values: [MatchCriterion: Double] = [:]
        for (name, weight) in try decoder.singleValueContainer().decode([String: Double].self) {
            guard let criterion = MatchCriterion(rawValue: name) else {
                let refused = ChoiceRefused(name, allowed: MatchCriterion.allCases.map(\.rawValue))
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [Weight(name)], debugDescription: refused.message, underlyingError: refused))
            }
            values[criterion] = weight
        }
        self.values = values
    }

    /// A weight's key, for the place of an error.
    private struct Weight: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    public subscript(criterion: MatchCriterion) -> Double { values[criterion] ?? 0 }

    /// The weights a criterion may have; relative, so a larger range adds nothing but risk.
    public static let range: ClosedRange<Double> = 0...100

    /// Problems with the weights (out of range, not a number, or all zero).
    public var issues: [FieldIssue] {
        var issues = values.filter { !Self.range.contains($0.value) }.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { FieldIssue(field: "matching.weights.\($0.key.rawValue)", message: "\($0.value) is out of range; use a weight from 0 to 100") }
        if values.values.allSatisfy({ $0 <= 0 }) { issues.append(FieldIssue(field: "matching.weights", message: "at least one weight must be above 0")) }
        return issues
    }
}
