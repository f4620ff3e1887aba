import Foundation
import Hummingbird
import LodestarCore
import LodestarStore
import NIOCore
import OpenAPIRuntime

/// The JSON body of every API error: a sentence and, where they apply, the field messages.
struct APIErrorBody: ResponseEncodable, Hashable, Sendable {
    struct Issue: Codable, Hashable, Sendable { let field: String; let message: String }
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
        case let error as ServerError: self.init(error)
        // The generated code's reading of a body that is not JSON at all.
        case let error as DecodingError: self.init(JSONBody.refusal(error))
        case let error as ValidationError: self.init(.unprocessableContent, "The request has invalid values.", issues: error.issues)
        case let error as NotFound: self.init(.notFound, error.description.capitalisedFirst + ".")
        case let error as ChangedSinceRead: self.init(.conflict, error.description)
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

extension Identifier {
    /// A typed id from a path; an id that is not even well-formed is reported as not found.
    init(path text: String, of kind: String) throws(NotFound) {
        guard let id = Identifier(text) else { throw NotFound(kind, text) }
        self = id
    }
}

extension APIError {
    /// An operation of the document that failed: a handler's own error reads as it always does;
    /// a request the generated code could not read (a parameter of the wrong type) is the
    /// client's to fix, with the reason the runtime gives.
    init(_ error: ServerError) {
        self.init(error.underlyingError)
        if status == .internalServerError && error.operationInput == nil {
            self.init(.badRequest, "The request does not match the API document (/api/v1/openapi.json): \(error.causeDescription)")
        }
    }
}

extension Parameters {
    /// A typed id from the path; an id that is not even well-formed is reported as not found.
    func id<Owner>(_ name: String = "id", of kind: String) throws -> Identifier<Owner> {
        try Identifier(path: get(name) ?? "", of: kind)
    }
}

extension Request {
    /// The paging the query string asks for: `offset` and `limit`, each name after `prefix`.
    func pageRequest(prefix: String = "") throws -> PageRequest {
        var issues: [FieldIssue] = []
        func number(_ name: String, _ fallback: Int) -> Int {
            guard let text = uri.queryParameters.get(name) else { return fallback }
            guard let value = WholeNumber.parse(text) else {
                issues.append(FieldIssue(field: name, message: "'\(text)' is not a whole number"))
                return fallback
            }
            return value
        }
        let offset = number(prefix + "offset", 0), limit = number(prefix + "limit", 50)
        guard issues.isEmpty else { throw ValidationError(issues) }
        do {
            return try PageRequest(offset: offset, limit: limit)
        } catch {
            // The page's own names, so a second list on a page ("left-offset") is named rightly.
            throw ValidationError(error.issues.map { FieldIssue(field: prefix + $0.field, message: $0.message) })
        }
    }
}
