import HTTPTypes
import Hummingbird

/// Puts the security headers on every response, errors and redirects included: a
/// Content-Security-Policy that allows no inline script and no framing, `nosniff`, and a
/// referrer policy that keeps addresses (which may hold a link's secret) on this site.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = LodestarContext

    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
}
