import Foundation
import Hummingbird
import LodestarCore

/// Signing in and out, and the admin's API tokens page.
struct AccountPages {
    let authentication: Authentication
    let pages: PageRenderer
    let cookies: SiteCookies

    func register(on router: Router<LodestarContext>) {
        router.get(.signIn) { request, context in
            if context.principal != nil { return redirect(to: SiteURL.home.path) }
            let query = FormQuery(request)
            return try signInPage(request, context, next: query.get("next") ?? SiteURL.home.path, email: "",
                              notice: query.get("ended") != nil ? "Your session has ended; sign in again to go on."
                                  : query.get("password") == "set" ? "Your password is set; sign in with it." : nil, problem: nil)
        }
        router.post(.signIn) { request, context in
            let form = try await FormBody.fields(request)
            let email = form["email"] ?? "", next = Self.localPath(form["next"])
            do {
                let (token, _) = try await authentication.signIn(email: email, password: form["password"] ?? "", address: context.address, now: context.now)
                var response = redirect(to: next)
                response.setCookie(try cookies.make(AuthenticationMiddleware.sessionCookie, token, request))
                return response
            } catch let refused as SignInRefused {
                var response = try signInPage(request, context, next: next, email: email, notice: nil, problem: refused.description)
                if case .locked = refused { response.status = .tooManyRequests } else { response.status = .unprocessableContent }
                return response
            }
        }
        router.post(.signOut) { request, context in
            if let token = request.cookies[AuthenticationMiddleware.sessionCookie]?.value { try await authentication.signOut(token: token) }
            var response = redirect(to: SiteURL.signIn.path)
            response.setCookie(cookies.expired(AuthenticationMiddleware.sessionCookie, request))
            return response
        }
        router.get(.tokens) { _, context in
            try await tokensPage(context, created: nil, problem: nil)
        }
        router.post(.tokens) { request, context in
            let principal = try context.signedIn()
            let form = try await FormBody.fields(request)
            let scope = ApiToken.Scope(rawValue: form["scope"] ?? "") ?? .read
            do {
                let (token, record) = try await authentication.createToken(name: form["name"] ?? "", scope: scope, by: principal, now: context.now)
                return try await tokensPage(context, created: TokensView.Created(name: record.name, token: token), problem: nil)
            } catch let error as ValidationError {
                return try await tokensPage(context, created: nil, problem: error.summary)
            }
        }
        router.post(.revokeToken(.key)) { _, context in
            let id: ApiToken.ID = try context.parameters.id(of: "API token")
            try await authentication.revokeToken(id, by: try context.signedIn(), now: context.now)
            return redirect(to: SiteURL.tokens.path)
        }
    }

    private func signInPage(_ request: Request, _ context: LodestarContext, next: String, email: String, notice: String?, problem: String?) throws -> Response {
        let csrf = cookies.formToken(request, context)
        let view = SignInView(csrf: csrf, next: Self.localPath(next), email: email, notice: notice, problem: problem)
        return try cookies.page(pages.render(.signIn, view, for: context), csrf: csrf, request, context)
    }

    private func tokensPage(_ context: LodestarContext, created: TokensView.Created?, problem: String?) async throws -> HTML {
        pages.render(.tokens, TokensView(tokens: try await authentication.tokens(for: try context.signedIn()), csrf: context.session?.csrfToken ?? "", created: created, problem: problem), for: context)
    }

    private func redirect(to path: String) -> Response { Response(status: .seeOther, headers: [.location: path]) }

    /// Only paths on this site are followed after signing in (no open redirects): anything a
    /// browser could read as another host — `//host`, backslashes, control characters such as a
    /// tab (browsers drop them, so `/<tab>/host` is `//host`), or any of these percent-encoded,
    /// however often — leads home instead.
    static func localPath(_ text: String?) -> String {
        guard var current = text else { return "/" }
        for _ in 0...3 {
            guard current.hasPrefix("/"), !current.hasPrefix("//"), !current.contains("\\"),
                  !current.unicodeScalars.contains(where: { SingleLineText.isRefused($0) || $0 == " " }) else { return "/" }
            guard let decoded = current.removingPercentEncoding, decoded != current else { return text ?? "/" }
            current = decoded
        }
        return "/"
    }
}

struct SignInView {
    let title = "Sign in"
    let csrf: String
    let next: String
    let email: String
    let notice: String?
    let problem: String?
}

struct TokensView {
    let title = "API tokens"
    let tokens: [Line]
    let csrf: String
    let created: Created?
    let problem: String?

    struct Created {
        let name: String
        let token: String
    }

    struct Line {
        let revokeHref: String
        let name: String
        let scope: String
        let created: String
        let state: String
        let active: Bool
    }

    init(tokens: [ApiToken], csrf: String, created: Created?, problem: String?) {
        self.tokens = tokens.map { token in
            Line(revokeHref: SiteURL.revokeToken(.value(token.id)).path, name: token.name, scope: token.scope.rawValue,
                 created: token.createdAt.formatted(date: .abbreviated, time: .shortened),
                 state: token.revokedAt.map { "revoked \($0.formatted(date: .abbreviated, time: .shortened))" } ?? "active",
                 active: token.revokedAt == nil)
        }
        self.csrf = csrf
        self.created = created
        self.problem = problem
    }
}
