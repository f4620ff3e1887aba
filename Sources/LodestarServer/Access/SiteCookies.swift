import Foundation
import Hummingbird
import LodestarCore

/// The cookies the site sets: the session's, and — before signing in — the one that carries a
/// form's CSRF token (see `AuthenticationMiddleware`). All `HttpOnly`, `SameSite=Lax`, and
/// `Secure` over TLS (or behind a proxy that says `X-Forwarded-Proto: https`).
struct SiteCookies {
    let credentials: any Credentials
    let alwaysSecure: Bool

    func secure(_ request: Request) -> Bool { alwaysSecure || request.headers[.forwardedProto] == "https" }

    func make(_ name: String, _ value: String, _ request: Request) throws -> Cookie {
        try Cookie.validated(name: name, value: value, path: "/", secure: secure(request), httpOnly: true, sameSite: .lax)
    }

    /// A cookie that the browser drops at once.
    func expired(_ name: String, _ request: Request) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure(request), httpOnly: true)
    }

    /// The CSRF token a form carries: the session's; signed out, the form cookie's, or a new one.
    func formToken(_ request: Request, _ context: LodestarContext) -> String {
        context.session?.csrfToken ?? request.cookies[AuthenticationMiddleware.formCookie]?.value ?? credentials.newToken()
    }

    /// A page whose form carries `csrf`; signed out, the form cookie is set to it, so that a page
    /// reached straight from a link in a message (a reset, an invitation) can be submitted.
    func page(_ html: HTML, csrf: String, _ request: Request, _ context: LodestarContext) throws -> Response {
        var response = try html.response(from: request, context: context)
        if context.session == nil { response.setCookie(try make(AuthenticationMiddleware.formCookie, csrf, request)) }
        return response
    }
}
