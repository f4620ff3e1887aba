import Foundation
import Hummingbird
import LodestarCore

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
        case let error as AccessDenied: self.init(.forbidden, error.message)
        case let error as SignInRequired:
            self.init(.unauthorized, error.sessionEnded ? "The session has ended; sign in again." : "Sign in, or send an API token as 'Authorization: Bearer …'.")
        default: self.init(.internalServerError, "Something went wrong on the server; the error was logged.")
        }
    }
}

/// Reads request bodies as JSON, turning every decoding failure into a field message.
enum JSONBody {
    /// Largest accepted body.
    static let limit = 1 << 20

    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "The request body is empty; send a JSON object.") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(.badRequest, "The request body is not the JSON this endpoint expects.", issues: [Self.issue(error)])
        }
    }

    private static func issue(_ error: DecodingError) -> FieldIssue {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return FieldIssue(field: parent == "body" ? key.stringValue : "\(parent).\(key.stringValue)", message: "is required")
        case .typeMismatch(let type, let context):
            return FieldIssue(field: path(context), message: "has the wrong type; expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            return FieldIssue(field: path(context), message: "is null; expected \(Self.describe(type))")
        case .dataCorrupted(let context):
            let field = path(context)
            return FieldIssue(field: field, message: field == "body" ? "is not valid JSON" : context.debugDescription)
        @unknown default:
            return FieldIssue(field: "body", message: "could not be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int?.Type: "a whole number"
        case is String.Type, is String?.Type: "a string"
        case is Bool.Type: "true or false"
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
