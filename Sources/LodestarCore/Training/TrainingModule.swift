import Foundation

/// Training a programme asks of one role (PRODUCT.md M12): a resource of the library to study,
/// and a check that it was — a few quiz questions, or the person's confirmation when there are none.
public struct TrainingModule: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<TrainingModule>

    public var id: ID
    public var programmeID: Programme.ID
    public var resourceID: Resource.ID
    public var role: EnrolmentRole
    public var title: String
    /// The quiz; empty when reading and confirming completes the module.
    public var questions: [QuizQuestion]
    public var added: Attribution

    /// Creates a module.
    public init(id: ID = ID(), programmeID: Programme.ID, resourceID: Resource.ID, role: EnrolmentRole, title: String,
                questions: [QuizQuestion] = [], added: Attribution) {
        self.id = id
        self.programmeID = programmeID
        self.resourceID = resourceID
        self.role = role
        self.title = title
        self.questions = questions
        self.added = added
    }
}

/// One question of a module's quiz: its options, and which one is right.
public struct QuizQuestion: Sendable, Equatable, Codable {
    public var text: String
    public var options: [String]
    /// The position of the right option in `options`.
    public var answer: Int

    /// Creates a question.
    public init(text: String, options: [String], answer: Int) {
        self.text = text
        self.options = options
        self.answer = answer
    }

    /// Reads a quiz written one question per line: the question, then its options, separated by
    /// `|`, the right option marked with a leading `*` — e.g.
    /// `Who sets the agenda? | The mentor | *The mentee | HR`. Blank lines are skipped.
    public static func parse(_ text: String, field: String = "questions") throws(ValidationError) -> [QuizQuestion] {
        var questions: [QuizQuestion] = [], issues: [FieldIssue] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = parts.first, !first.isEmpty else { continue }
            let options = parts.dropFirst().map { $0.hasPrefix("*") ? String($0.dropFirst()).trimmingCharacters(in: .whitespaces) : $0 }
            let marked = parts.dropFirst().enumerated().filter { $0.element.hasPrefix("*") }.map(\.offset)
            let where_ = "line \(index + 1)"
            if options.count < 2 || options.contains(where: \.isEmpty) {
                issues.append(FieldIssue(field: field, message: "\(where_): give at least two options after the question, separated by '|'"))
            } else if marked.count != 1 {
                issues.append(FieldIssue(field: field, message: "\(where_): mark exactly one option right with a leading '*' (\(marked.count) marked)"))
            } else {
                questions.append(QuizQuestion(text: first, options: options, answer: marked[0]))
            }
        }
        if questions.count > 20 { issues.append(FieldIssue(field: field, message: "\(questions.count) questions; a module asks at most 20")) }
        guard issues.isEmpty else { throw ValidationError(issues) }
        return questions
    }

    /// The quiz written back as `parse` reads it.
    public static func text(of questions: [QuizQuestion]) -> String {
        questions.map { question in
            ([question.text] + question.options.enumerated().map { $0.offset == question.answer ? "*" + $0.element : $0.element }).joined(separator: " | ")
        }.joined(separator: "\n")
    }
}

/// A person's completion of a module.
public struct TrainingCompletion: Sendable, Equatable {
    public let moduleID: TrainingModule.ID
    public let personID: Person.ID
    public let completedAt: Date

    /// Creates a completion.
    public init(moduleID: TrainingModule.ID, personID: Person.ID, completedAt: Date) {
        self.moduleID = moduleID
        self.personID = personID
        self.completedAt = completedAt
    }
}
