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

/// Text that ends up in one line of somewhere else — a mail header, a calendar entry, a CSV
/// cell, a page title: line breaks and other control characters in it could forge the rest.
public enum SingleLineText {
    /// The problem with `value` for `field`, or nil when it is one clean line.
    public static func issue(_ value: String?, field: String) -> FieldIssue? {
        guard let value, value.unicodeScalars.contains(where: isRefused) else { return nil }
        return FieldIssue(field: field, message: "must be one line: remove line breaks, NUL and other control characters")
    }

    /// The problems of several fields at once.
    public static func issues(_ fields: [(field: String, value: String?)]) -> [FieldIssue] {
        fields.compactMap { issue($0.value, field: $0.field) }
    }

    /// C0 and C1 control characters (CR, LF, NUL, escape…) and the Unicode line and paragraph separators.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
