/// A closed set of words — a format, a cycle state, a meeting mode: reading any other word
/// names the words allowed, instead of the decoder's message about Swift types.
public protocol Choice: RawRepresentable<String>, CaseIterable, Decodable {}

extension Choice {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let refused = ChoiceRefused(text, allowed: Self.allCases.map(\.rawValue))
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: refused.message, underlyingError: refused))
        }
        self = value
    }
}

extension Choice {
    /// The word sent as `field` (a form's, a query's), or the refusal naming the allowed words.
    public static func parse(_ text: String, field: String) throws(ValidationError) -> Self {
        guard let value = Self(rawValue: text) else {
            let allowed = allCases.map(\.rawValue)
            throw ValidationError([FieldIssue(field: field, message: text.isEmpty ? "is empty; choose one of \(allowed.joined(separator: ", "))"
                                                                                : ChoiceRefused(text, allowed: allowed).message)])
        }
        return value
    }
}

/// A word outside a `Choice`, with the message a person reads.
public struct ChoiceRefused: Error, Sendable {
    public let message: String
    /// Creates the refusal of `text`, naming the allowed words.
    public init(_ text: String, allowed: [String]) {
        message = "'\(text)' is not one of \(allowed.joined(separator: ", "))"
    }
}
