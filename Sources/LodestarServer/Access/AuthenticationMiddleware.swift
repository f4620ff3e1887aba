import Foundation
import HTTPTypes
import Hummingbird
import LodestarCore

/// Finds out who is asking — under `/api/v1` an API token (`Authorization: Bearer …`), anywhere
/// the session cookie — and guards every state-changing request: a form must carry its CSRF
/// token, an API call made with the session cookie the `X-CSRF-Token` header, and a read-scope
/// token may not write. Pages ignore API tokens, so a token can never act through a form.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = LodestarContext
    static let sessionCookie = "lodestar_session"
    /// Before signing in there is no session: the sign-in form's token sits in this cookie.
    static let formCookie = "lodestar_form"

    let authentication: Authentication
    /// Where read models are kept: its data revision is read once for each signed-in request.
    let reads: ReadCache
    /// Addresses of the reverse proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
    let trustedProxies: Set<String>
    /// Where the request's time is read.
    let clock: ServerClock
    /// The secret that opens `/metrics` to a scraper, when one is set.
    let scrapeSecret: ScrapeSecret?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request, context = context
        context.now = clock.now()
        context.address = ClientAddress.of(peer: context.peerAddress, forwardedFor: request.headers[.forwardedFor], trusted: trustedProxies)
        if request.uri.path == "/metrics", let scrapeSecret, let header = request.headers[.authorization],
           header.hasPrefix("Bearer "), scrapeSecret.matches(String(header.dropFirst(7))) {
            context.scraper = true
        } else if Self.takesTokens(request.uri.path), let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer "), let principal = try await authentication.principal(apiToken: String(header.dropFirst(7))) else {
                throw APIError(.unauthorized, "The API token is unknown or revoked; an admin can create one on the API tokens page.")
            }
            context.principal = principal
        } else if let token = request.cookies[Self.sessionCookie]?.value {
            let revision = try await reads.revision()
            if request.method == .get || request.method == .head { context.revision = revision }
            if let (principal, session) = try await authentication.session(token: token, now: context.now, revision: revision) {
                context.principal = principal
                context.session = session
            } else {
                context.sessionEnded = true
            }
        }
        if request.method != .get && request.method != .head { try await guardChange(&request, context) }
        return try await next(request, context)
    }

    /// The JSON API's paths, the only ones where API tokens count — with `/metrics`, which a
    /// monitoring system reads with an admin's token (or the scrape secret).
    static func takesTokens(_ path: String) -> Bool { path == "/api/v1" || path.hasPrefix("/api/v1/") || path == "/metrics" }

    private func guardChange(_ request: inout Request, _ context: Context) async throws {
        if let principal = context.principal, principal.scope != nil {
            try principal.requireWriteScope()
            return
        }
        // Signing out without a session (it ended already) has nothing to protect.
        if request.uri.path == SiteURL.signOut.path && context.session == nil { return }
        let refused = AccessDenied("The form has expired or did not come from this site (its CSRF token is missing or wrong). Reload the page and try again.")
        if request.uri.path.hasPrefix("/api/") {
            guard let session = context.session else { throw SignInRequired(sessionEnded: context.sessionEnded) }
            guard request.headers[.csrfToken] == session.csrfToken else { throw refused }
            return
        }
        // A file upload's large body is read only for someone signed in.
        if UploadForm.boundary(of: request) != nil && context.session == nil { throw SignInRequired(sessionEnded: context.sessionEnded) }
        let expected = context.session?.csrfToken ?? request.cookies[Self.formCookie]?.value
        let form = try await FormBody.fields(of: &request)
        guard let expected, let sent = form["csrf"], sent == expected else { throw refused }
    }
}

extension HTTPField.Name {
    static let csrfToken = Self("X-CSRF-Token")!
    static let forwardedFor = Self("X-Forwarded-For")!
    static let forwardedProto = Self("X-Forwarded-Proto")!
}
