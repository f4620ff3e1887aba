import Foundation

/// What is wrong with one value, in words that say how to fix it.
public struct FieldProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    /// Creates a problem with a user-facing message.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A problem with one named field of a form, API body or CSV row.
public struct FieldIssue: Equatable, Sendable, Codable, CustomStringConvertible {
    public let field: String
    public let message: String
    /// Creates an issue for `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { "\(field): \(message)" }
}

/// Input that was refused, with every problem found (not only the first).
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let issues: [FieldIssue]
    /// Creates an error from its issues.
    public init(_ issues: [FieldIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }

    /// Every issue on one line, for a message above a form.
    public var summary: String { issues.map(\.description).joined(separator: "; ") }

    /// Each field's messages, joined, for messages beside a form's fields.
    public var messagesByField: [String: String] {
        Dictionary(grouping: issues, by: \.field).mapValues { $0.map(\.message).joined(separator: "; ") }
    }
}

/// Splits the `a; b; c` lists used in CSV cells and form fields.
public enum ListField {
    /// The non-empty, trimmed items of a `;`-separated list.
    public static func split(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Joins items back into the list form.
    public static func join(_ items: [String]) -> String { items.joined(separator: "; ") }
}
