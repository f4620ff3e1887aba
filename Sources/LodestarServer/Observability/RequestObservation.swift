import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Observes every request: one log line — method, route template, status, duration — with the
/// request's id, which the answer also carries as `X-Request-Id` and every line logged for the
/// request has; and the request metrics. Only the route's template is logged and counted, never
/// the path or query: a path can hold a calendar feed's secret, a query a one-time link's token.
struct RequestObservationMiddleware: RouterMiddleware {
    typealias Context = LodestarContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        metrics.requestStarted()
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = context.id
            finished(request, context, status: response.status, since: started)
            return response
        } catch {
            finished(request, context, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: started)
            throw error
        }
    }

    private func finished(_ request: Request, _ context: Context, status: HTTPResponse.Status, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let route = context.endpointPath ?? "NotFound"
        metrics.requestFinished(route: route, method: request.method.rawValue, status: status.code, duration: elapsed)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "route": .string(route),
            "status": .stringConvertible(Int(status.code)),
            "duration_ms": .stringConvertible((milliseconds * 1000).rounded() / 1000),
        ])
    }
}

extension HTTPField.Name {
    /// The request's id, to find its log lines.
    static let requestID = Self("X-Request-Id")!
}
