import Foundation
import Hummingbird
import LodestarCore
import NIOCore
import OpenAPIHummingbird
import OpenAPIRuntime

/// The JSON API: the operations of `openapi.yaml`, whose routes and types are generated from it
/// (`APIProtocol`), so the document and the server cannot drift. Each operation asks the access
/// rules and the use cases exactly as the pages do; errors are thrown and answered by
/// `ErrorMiddleware` in the document's error shape.
struct LodestarAPI: APIProtocol {
    let store: any LodestarRepositories
    let document: APIDocument
    /// The plans the plan page also reads, so that a plan asked for twice is solved once.
    let plans: PlanCache
    /// Where the site is reached, for links in the messages the API's use cases send.
    let publicURL: String
    /// Hashes and digests of passwords and tokens.
    let credentials: any Credentials

    /// Adds the API's routes under `/api/v1` of `router`.
    func register(on router: Router<LodestarContext>) throws {
        let group = router.group(RouterPath(APIDocument.basePath)).add(middleware: APIRequestScope())
        try registerHandlers(on: group, serverURL: URL(string: "/")!, configuration: Configuration(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .json(.init(additionalProperties: document.json))))
    }
}

/// The request being answered, for the generated handlers, which are given only its HTTP parts.
enum APIRequest {
    @TaskLocal static var context: LodestarContext?
    /// The request's body, read (and bounded) before the generated code saw it.
    @TaskLocal static var body: ByteBuffer?

    /// The context of the request in hand.
    static func current() throws -> LodestarContext {
        guard let context else { throw APIError(.internalServerError, "The API was called outside a request.") }
        return context
    }

    /// The caller, or 401.
    static func principal() throws -> Principal { try current().signedIn() }

    /// The paging the query asks for; `PageRequest` says which number is out of range.
    static func page(_ offset: Int?, _ limit: Int?) throws -> PageRequest {
        try PageRequest(offset: offset ?? 0, limit: limit ?? 50)
    }
}

/// Makes the request's context known to the generated handlers; refuses an anonymous caller
/// (but for the document itself) before anything else; checks paging; and reads a body — at most
/// `JSONBody.limit` bytes, else 413 — before the generated code, which would take any size.
struct APIRequestScope: RouterMiddleware {
    typealias Context = LodestarContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path != "/\(APIDocument.basePath)/openapi.json" { _ = try context.signedIn() }
        // Paging reads as it does everywhere ("'abc' is not a whole number", the range), before
        // the generated code, whose own message for a number that is not one names Swift's types.
        _ = try request.pageRequest()
        var request = request
        var body: ByteBuffer?
        if request.method == .post || request.method == .put || request.method == .patch {
            body = try await request.collectBody(upTo: JSONBody.limit)
        }
        return try await APIRequest.$context.withValue(context) {
            try await APIRequest.$body.withValue(body) { try await next(request, context) }
        }
    }
}

/// A JSON request body, which the generated code only checks to be JSON of the declared type:
/// the operation reads it with `read()` once the caller may do what it asks (so that a caller
/// without the right is told so, not how to fix the body), and reads it strictly — a field the
/// body does not know is refused, naming the one probably meant; read-only fields are ignored;
/// a missing field or a wrong type is named.
struct JSONInput<Body: Decodable & Sendable>: Decodable, Hashable, Sendable {
    init(from decoder: any Decoder) throws {}

    /// The body, strictly read.
    func read() throws -> Body {
        try JSONBody.decode(Body.self, from: APIRequest.body.map { Data($0.readableBytesView) } ?? Data())
    }
}
