import Foundation
import LodestarCore
import Hummingbird
import Logging
import OpenAPIRuntime

/// Turns errors into answers a person or a program can act on: JSON under `/api` and for
/// `/metrics`, pages elsewhere.
/// A page that needs signing in sends the browser to the sign-in page and back.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = LodestarContext
    let pages: PageRenderer

    /// Paths a program reads, whose errors are JSON: the API, and the metrics a scraper reads.
    static func answersJSON(_ path: String) -> Bool { path.hasPrefix("/api/") || path == "/metrics" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as SignInRequired where !Self.answersJSON(request.uri.path) {
            var query = [URLQueryItem(name: "next", value: request.uri.path)]
            if error.sessionEnded { query.append(URLQueryItem(name: "ended", value: "1")) }
            return Response(status: .seeOther, headers: [.location: SiteURL.signIn.with(query)])
        } catch {
            let apiError = APIError(error)
            if apiError.status == .internalServerError {
                // The route's template, not its path (which may hold a secret), and the handler's own
                // error rather than the generated code's wrapper, which quotes the whole request.
                let cause = (error as? ServerError)?.underlyingError ?? error
                context.logger.error("\(request.method) \(context.endpointPath ?? "unmatched") failed: \(cause)")
            }
            var response = Self.answersJSON(request.uri.path)
                ? try EditedResponse(status: apiError.status, response: apiError.body).response(from: request, context: context)
                : try pages.errorPage(apiError, for: context).response(from: request, context: context)
            response.headers.append(contentsOf: apiError.headers)
            return response
        }
    }
}
