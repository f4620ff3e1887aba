import Hummingbird
import Logging

/// Turns errors into answers a person or a program can act on: JSON under `/api`, pages elsewhere.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError(error)
            if apiError.status == .internalServerError {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            }
            if request.uri.path.hasPrefix("/api/") {
                return try EditedResponse(status: apiError.status, response: apiError.body).response(from: request, context: context)
            }
            return try pages.errorPage(apiError).response(from: request, context: context)
        }
    }
}
