import Foundation

/// The kinds of question a survey asks (PRODUCT.md M13).
public enum SurveyQuestionKind: String, Sendable, Codable, CaseIterable, Choice {
    /// 1 (poor) to 5 (excellent).
    case scale
    /// One of the options.
    case single
    /// Any of the options.
    case multiple
    /// Free text, never required.
    case text
    /// Net promoter: 0 (not at all likely) to 10 (extremely likely).
    case nps

    /// The lowest and highest number an answer may be, for the numbered kinds.
    public var range: ClosedRange<Int>? {
        switch self {
        case .scale: 1...5
        case .nps: 0...10
        case .single, .multiple, .text: nil
        }
    }
}

/// One question of a survey template.
public struct SurveyQuestion: Sendable, Equatable, Codable {
    public var kind: SurveyQuestionKind
    public var text: String
    /// The options of a single- or multiple-choice question; empty for the others.
    public var options: [String]

    /// Creates a question.
    public init(kind: SurveyQuestionKind, text: String, options: [String] = []) {
        self.kind = kind
        self.text = text
        self.options = options
    }

    /// The most questions a template asks.
    public static let limit = 30

    /// Reads questions written one per line as `kind: question`, the choice kinds' options after
    /// it separated by `|` — e.g. `single: Which way of meeting worked best? | Video | In person`.
    /// Kinds: scale (1–5), single, multiple, text, nps (0–10). Blank lines are skipped; every
    /// problem is named with its line.
    public static func parse(_ text: String, field: String = "questions") throws(ValidationError) -> [SurveyQuestion] {
        var questions: [SurveyQuestion] = [], issues: [FieldIssue] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let line = "line \(index + 1)"
            guard let colon = trimmed.firstIndex(of: ":"),
                  let kind = SurveyQuestionKind(rawValue: trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()) else {
                let kinds = SurveyQuestionKind.allCases.map(\.rawValue).joined(separator: ", ")
                issues.append(FieldIssue(field: field, message: "\(line): start with the kind of question and a colon (\(kinds)), e.g. 'scale: How useful were your meetings?'"))
                continue
            }
            let parts = trimmed[trimmed.index(after: colon)...].split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let question = parts[0], options = Array(parts.dropFirst())
            if question.isEmpty {
                issues.append(FieldIssue(field: field, message: "\(line): write the question after '\(kind.rawValue):'"))
            } else if question.count > 500 {
                issues.append(FieldIssue(field: field, message: "\(line): the question is \(question.count) characters; write at most 500"))
            } else if kind == .single || kind == .multiple {
                if options.count > 20 || options.contains(where: { $0.count > 200 }) {
                    issues.append(FieldIssue(field: field, message: "\(line): give at most 20 options of at most 200 characters each"))
                } else if options.count < 2 || options.contains(where: \.isEmpty) {
                    issues.append(FieldIssue(field: field, message: "\(line): give at least two options after the question, separated by '|'"))
                } else if Set(options).count != options.count {
                    issues.append(FieldIssue(field: field, message: "\(line): an option is given twice"))
                } else {
                    questions.append(SurveyQuestion(kind: kind, text: question, options: options))
                }
            } else if !options.isEmpty {
                issues.append(FieldIssue(field: field, message: "\(line): a \(kind.rawValue) question takes no options; remove what follows '|'"))
            } else {
                questions.append(SurveyQuestion(kind: kind, text: question))
            }
        }
        if questions.isEmpty && issues.isEmpty { issues.append(FieldIssue(field: field, message: "write at least one question")) }
        if questions.count > limit { issues.append(FieldIssue(field: field, message: "\(questions.count) questions; a survey asks at most \(limit)")) }
        guard issues.isEmpty else { throw ValidationError(issues) }
        return questions
    }

    /// The questions written back as `parse` reads them.
    public static func text(of questions: [SurveyQuestion]) -> String {
        questions.map { question in
            ([question.kind.rawValue + ": " + question.text] + question.options).joined(separator: " | ")
        }.joined(separator: "\n")
    }
}

/// One person's answer to one question.
public enum SurveyAnswer: Sendable, Equatable, Codable {
    /// A scale or NPS question's number, or a single-choice question's option (its position).
    case number(Int)
    /// A multiple-choice question's options, by position.
    case choices([Int])
    case text(String)
    /// A free-text question left empty.
    case none
}

extension SurveyQuestion {
    /// The answer as a form or the API sent it — numbers and option positions as text — or
    /// what to fix, named by `field`. Every kind but free text must be answered.
    public func answer(_ values: [String], field: String) throws(ValidationError) -> SurveyAnswer {
        func refused(_ message: String) -> ValidationError { ValidationError([FieldIssue(field: field, message: message)]) }
        let values = values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        func number(_ text: String, in range: some RangeExpression<Int>) -> Int? { WholeNumber.parse(text).flatMap { range.contains($0) ? $0 : nil } }
        switch kind {
        case .scale, .nps:
            guard let range = kind.range, values.count == 1, let value = number(values[0], in: range) else {
                throw refused("choose a number from \(kind.range?.lowerBound ?? 0) to \(kind.range?.upperBound ?? 0)")
            }
            return .number(value)
        case .single:
            guard values.count == 1, let value = number(values[0], in: options.indices) else {
                throw refused("choose one of the options")
            }
            return .number(value)
        case .multiple:
            let chosen = values.map { number($0, in: options.indices) }
            guard !chosen.isEmpty, !chosen.contains(nil) else { throw refused("choose at least one of the options") }
            return .choices(Array(Set(chosen.compactMap { $0 })).sorted())
        case .text:
            let text = values.joined(separator: "\n")
            if text.count > 2000 { throw refused("is \(text.count) characters; write at most 2000") }
            return text.isEmpty ? .none : .text(text)
        }
    }
}
