import Foundation
import Hummingbird
import LodestarCore
import LodestarStore
import NIOCore

/// The JSON body of every API error: a sentence and, where they apply, the field messages.
struct APIErrorBody: ResponseEncodable {
    struct Issue: Codable { let field: String; let message: String }
    let error: String
    let issues: [Issue]
}

/// An error with its HTTP status and the body to send.
struct APIError: Error {
    let status: HTTPResponse.Status
    let body: APIErrorBody
    /// Headers the answer carries (`Retry-After` when the database is busy).
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, issues: [FieldIssue] = []) {
        self.status = status
        body = APIErrorBody(error: message, issues: issues.map { .init(field: $0.field, message: $0.message) })
    }

    /// How each domain error reads over HTTP.
    init(_ error: any Error) {
        switch error {
        case let error as APIError: self = error
        case let error as ValidationError: self.init(.unprocessableContent, "The request has invalid values.", issues: error.issues)
        case let error as NotFound: self.init(.notFound, error.description.capitalisedFirst + ".")
        case let error as CycleTransitionError: self.init(.unprocessableContent, error.description, issues: [FieldIssue(field: "state", message: error.description)])
        case let error as CSVImportError:
            self.init(.unprocessableContent, "The file has \(error.issues.count) problem(s); nothing was imported.",
                      issues: error.issues.map { FieldIssue(field: "line \($0.line)" + ($0.field.map { ", \($0)" } ?? ""), message: $0.message) })
        case let error as HTTPError: self.init(error.status, error.body ?? error.status.reasonPhrase)
        case is NIOTooManyBytesError:
            self.init(.contentTooLarge, "The request body is too large: forms take up to \(FormBody.limit / 1024) KiB, JSON up to \(JSONBody.limit / 1024) KiB.")
        case let error as MatchingError: self.init(.unprocessableContent, error.description)
        case let error as StoreBusy:
            self.init(.serviceUnavailable, error.description)
            headers[.retryAfter] = String(StoreBusy.retryAfterSeconds)
        case let error as AccessDenied: self.init(.forbidden, error.message)
        case let error as SignInRequired:
            self.init(.unauthorized, error.sessionEnded ? "The session has ended; sign in again." : "Sign in, or send an API token as 'Authorization: Bearer …'.")
        default:
            let translated = StoreErrors.translated(error)
            guard translated is StoreBusy || translated is ValidationError else {
                self.init(.internalServerError, "Something went wrong on the server; the error was logged.")
                return
            }
            self.init(translated)
        }
    }
}

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

    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "The request body is empty; send a JSON object.") }
        let data = Data(buffer.readableBytesView)
        let body: T
        do {
            body = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            if let outOfRange = Self.outOfRange(error) { throw ValidationError([outOfRange]) }
            throw APIError(.badRequest, "The request body is not the JSON this endpoint expects.", issues: [Self.issue(error)])
        }
        let readOnly = (T.self as? any ReadOnlyFields.Type)?.readOnlyFields ?? []
        let unknown = UnknownFields.issues(in: data, as: T.self).filter { !readOnly.contains($0.field) }
        guard unknown.isEmpty else { throw ValidationError(unknown) }
        return body
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

extension Parameters {
    /// A typed id from the path; an id that is not even well-formed is reported as not found.
    func id<Owner>(_ name: String = "id", of kind: String) throws -> Identifier<Owner> {
        let text = get(name) ?? ""
        guard let id = Identifier<Owner>(text) else { throw NotFound(kind, text) }
        return id
    }
}

extension Request {
    /// The paging the query string asks for: `offset` and `limit`.
    func pageRequest() throws -> PageRequest {
        var issues: [FieldIssue] = []
        func number(_ name: String, _ fallback: Int) -> Int {
            guard let text = uri.queryParameters.get(name) else { return fallback }
            guard let value = Int(text) else {
                // Too many digits for a number at all: out of range, which the range check says best.
                if text.wholeMatch(of: /[+-]?[0-9]+/) != nil { return text.hasPrefix("-") ? Int.min : Int.max }
                issues.append(FieldIssue(field: name, message: "'\(text)' is not a whole number"))
                return fallback
            }
            return value
        }
        let offset = number("offset", 0), limit = number("limit", 50)
        guard issues.isEmpty else { throw ValidationError(issues) }
        return try PageRequest(offset: offset, limit: limit)
    }
}
