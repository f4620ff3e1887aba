import Foundation
import LodestarCore

/// An input whose resource, as read, has fields the server sets (`id`, counts): they are
/// accepted and ignored, so that a body read with GET can be sent back with PUT.
protocol ReadOnlyFields {
    static var readOnlyFields: Set<String> { get }
}

/// Reads request bodies as JSON, turning every decoding failure into a field message that
/// says what the field accepts, and refusing fields the body's type does not know.
enum JSONBody {
    /// Largest accepted body.
    static let limit = 1 << 20

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.isEmpty else { throw APIError(.badRequest, "The request body is empty; send a JSON object.") }
        let decoded: (body: T, unknownFields: [FieldIssue])
        do {
            decoded = try StrictJSON.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw refusal(error)
        }
        let readOnly = (T.self as? any ReadOnlyFields.Type)?.readOnlyFields ?? []
        let unknown = decoded.unknownFields.filter { !readOnly.contains($0.field) }
        guard unknown.isEmpty else { throw ValidationError(unknown) }
        return decoded.body
    }

    /// How a body that doesn't decode is refused: 422 for a number out of its field's range, else
    /// 400 naming the field and what it takes.
    static func refusal(_ error: DecodingError) -> any Error {
        if let outOfRange = Self.outOfRange(error) { return ValidationError([outOfRange]) }
        return APIError(.badRequest, "The request body is not the JSON this endpoint expects.", issues: [Self.issue(error)])
    }

    private static func issue(_ error: DecodingError) -> FieldIssue {
        switch error {
        case .keyNotFound(let key, let context):
            let parent = JSONPath.text(context.codingPath)
            return FieldIssue(field: parent == "body" ? key.stringValue : "\(parent).\(key.stringValue)", message: "is required")
        case .typeMismatch(let type, let context):
            return FieldIssue(field: JSONPath.text(context.codingPath), message: "has the wrong type; expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            return FieldIssue(field: JSONPath.text(context.codingPath), message: "is null; expected \(Self.describe(type))")
        case .dataCorrupted(let context):
            let field = JSONPath.text(context.codingPath)
            // Only messages written for people (a choice's allowed values) are passed on; the
            // decoder's own name types and internals.
            if let choice = context.underlyingError as? ChoiceRefused { return FieldIssue(field: field, message: choice.message) }
            if field == "body" { return FieldIssue(field: field, message: "is not valid JSON") }
            return FieldIssue(field: field, message: "has a value this field does not accept")
        @unknown default:
            return FieldIssue(field: "body", message: "could not be read")
        }
    }

    /// A number too large for its field (`99999999999999999999` for a level) is a value out of
    /// range — 422 like any other — not a malformed body.
    private static func outOfRange(_ error: DecodingError) -> FieldIssue? {
        guard case .dataCorrupted(let context) = error, context.debugDescription.contains("does not fit"),
              let number = context.debugDescription.firstMatch(of: /<([^>]*)>/)?.1 else { return nil }
        return FieldIssue(field: JSONPath.text(context.codingPath), message: "\(number) is out of range for this field; give a whole number in its range")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int?.Type, is Int64.Type, is UInt64.Type: "a whole number"
        case is Double.Type, is Double?.Type, is Float.Type: "a number"
        case is String.Type, is String?.Type: "a string"
        case is Bool.Type, is Bool?.Type: "true or false"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
