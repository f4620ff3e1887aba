import Foundation

/// A programme's answer to one readiness question, as given: the level, a note, who and when.
/// Answers are kept, never overwritten: the newest per question counts, the older ones are its history.
public struct ReadinessAnswer: Sendable, Equatable {
    public let programme: Programme.ID
    public let question: String
    public let level: ReadinessLevel
    public let note: String
    public let attribution: Attribution

    /// Creates an answer.
    public init(programme: Programme.ID, question: String, level: ReadinessLevel, note: String, attribution: Attribution) {
        self.programme = programme
        self.question = question
        self.level = level
        self.note = note
        self.attribution = attribution
    }
}

/// The share of the readiness check a dimension must reach before a cycle leaves draft; the
/// organisation's admins set it.
public struct ReadinessThreshold: Sendable, Equatable {
    /// A percentage, 0–100.
    public let percent: Int
    public static let range = 0...100
    /// Where an organisation starts: most questions answered yes, the rest at least partly.
    public static let standard = ReadinessThreshold(checked: 75)

    private init(checked percent: Int) { self.percent = percent }

    /// The threshold `percent`, or the field's issue when it is outside 0–100.
    public init(percent: Int) throws(ValidationError) {
        guard Self.range.contains(percent) else {
            throw ValidationError([FieldIssue(field: "threshold", message: "must be a whole percentage from 0 to 100, not \(percent)")])
        }
        self.init(checked: percent)
    }

    /// The threshold as stored, or nil when the stored text is not a percentage.
    public init?(stored text: String) {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), Self.range.contains(value) else { return nil }
        self.init(checked: value)
    }
}

/// What the readiness check says of a programme: each question with its current answer, a
/// score per dimension and overall, the gaps with a suggested action each, and whether every
/// dimension reaches the threshold.
public struct ReadinessReport: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public let question: ReadinessQuestion
        /// Nil while the question is unanswered (it scores as "no").
        public let answer: ReadinessAnswer?
        /// Anything but "yes" is a gap.
        public var isGap: Bool { answer?.level != .yes }
    }

    public struct Dimension: Sendable, Equatable {
        public let dimension: ReadinessDimension
        public let items: [Item]
        /// 0–100: "yes" counts 1, "partly" ½, "no" or no answer 0.
        public let score: Int
        public let reachesThreshold: Bool
    }

    public let programme: Programme.ID
    public let dimensions: [Dimension]
    /// 0–100 over every question.
    public let overall: Int
    public let threshold: ReadinessThreshold
    /// How many questions have an answer.
    public let answered: Int

    /// The report over the current `answers` (the newest per question).
    public init(programme: Programme.ID, answers: [ReadinessAnswer], threshold: ReadinessThreshold) {
        let current = Dictionary(answers.map { ($0.question, $0) }, uniquingKeysWith: { $0.attribution.at >= $1.attribution.at ? $0 : $1 })
        func score(_ items: [Item]) -> Int {
            guard !items.isEmpty else { return 0 }
            return Int((100 * items.reduce(0) { $0 + ($1.answer?.level.credit ?? 0) } / Double(items.count)).rounded())
        }
        let items = ReadinessQuestion.all.map { Item(question: $0, answer: current[$0.id]) }
        self.programme = programme
        dimensions = ReadinessDimension.allCases.map { dimension in
            let own = items.filter { $0.question.dimension == dimension }
            let value = score(own)
            return Dimension(dimension: dimension, items: own, score: value, reachesThreshold: value >= threshold.percent)
        }
        overall = score(items)
        self.threshold = threshold
        answered = items.filter { $0.answer != nil }.count
    }

    /// True when every dimension reaches the threshold: a cycle may leave draft.
    public var isReady: Bool { dimensions.allSatisfy(\.reachesThreshold) }

    /// The questions not yet answered "yes", in the check's order.
    public var gaps: [Item] { dimensions.flatMap(\.items).filter(\.isGap) }

    /// The dimensions below the threshold, in words: "Participants 50 %, Development 25 %".
    public var shortfall: String {
        dimensions.filter { !$0.reachesThreshold }.map { "\($0.dimension.title) \($0.score) %" }.joined(separator: ", ")
    }
}
