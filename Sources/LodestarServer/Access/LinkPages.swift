import Foundation
import Hummingbird
import LodestarCore

/// Invitations, password resets and the outbox page where an admin reads what was sent.
struct LinkPages {
    let links: AccountLinks
    let pages: PageRenderer
    let cookies: SiteCookies

    func register(on router: Router<LodestarContext>) {
        router.get(.forgotPassword) { request, context in
            let csrf = cookies.formToken(request, context)
            return try cookies.page(pages.render(.forgotPassword, ForgotPasswordView(csrf: csrf, sent: false), for: context), csrf: csrf, request, context)
        }
        router.post(.forgotPassword) { request, context in
            let form = try await FormBody.fields(request)
            try await links.requestReset(email: form["email"] ?? "", now: context.now)
            return pages.render(.forgotPassword, ForgotPasswordView(csrf: form["csrf"] ?? "", sent: true), for: context)
        }
        router.get(.setPassword) { request, context in
            let token = FormQuery(request).get("token") ?? ""
            do {
                let link = try await links.check(token: token, now: context.now)
                let csrf = cookies.formToken(request, context)
                let view = SetPasswordView(csrf: csrf, token: token, purpose: link.purpose, problem: nil)
                return try cookies.page(pages.render(.setPassword, view, for: context), csrf: csrf, request, context)
            } catch let refused as LinkRefused {
                return try pages.render(.setPassword, SetPasswordView(csrf: "", token: nil, purpose: nil, problem: refused.description),
                                        for: context, status: .gone).response(from: request, context: context)
            }
        }
        router.post(.setPassword) { request, context in
            let form = try await FormBody.fields(request)
            let token = form["token"] ?? ""
            do {
                guard form["password"] == form["confirmation"] else {
                    throw ValidationError([FieldIssue(field: "confirmation", message: "the two passwords differ")])
                }
                _ = try await links.setPassword(token: token, password: form["password"] ?? "", now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.signIn.with([URLQueryItem(name: "password", value: "set")])])
            } catch let refused as LinkRefused {
                return try pages.render(.setPassword, SetPasswordView(csrf: "", token: nil, purpose: nil, problem: refused.description),
                                        for: context, status: .gone).response(from: request, context: context)
            } catch let error as ValidationError {
                let problem = error.summary
                return try pages.render(.setPassword, SetPasswordView(csrf: form["csrf"] ?? "", token: token, purpose: .passwordReset, problem: problem),
                                        for: context, status: .unprocessableContent).response(from: request, context: context)
            }
        }
        router.get(.outbox) { request, context in
            try await outboxPage(context, page: try request.pageRequest(), invited: nil, problem: nil)
        }
        router.post(.invitations) { request, context in
            let principal = try context.signedIn()
            let form = try await FormBody.fields(request)
            do {
                let account = try await links.invite(email: form["email"] ?? "", by: principal, now: context.now)
                return try await outboxPage(context, page: .everything, invited: account.email, problem: nil)
            } catch let error as ValidationError {
                return try await outboxPage(context, page: .everything, invited: nil, problem: error.summary)
            }
        }
    }

    private func outboxPage(_ context: LodestarContext, page: PageRequest, invited: String?, problem: String?) async throws -> HTML {
        pages.render(.outbox, OutboxView(try await links.outbox(page: page, for: try context.signedIn()), csrf: context.session?.csrfToken ?? "", invited: invited, problem: problem), for: context)
    }
}

struct ForgotPasswordView {
    let title = "Forgotten password"
    let csrf: String
    let sent: Bool
}

struct SetPasswordView {
    let title = "Choose a password"
    let csrf: String
    let token: String?
    let problem: String?
    /// An invitation greets; a reset doesn't. (Mustache reads stored properties only.)
    let welcome: Bool

    init(csrf: String, token: String?, purpose: OneTimeLink.Purpose?, problem: String?) {
        self.csrf = csrf
        self.token = token
        self.problem = problem
        welcome = purpose == .invitation
    }
}

struct OutboxView {
    let title = "Outbox"
    let notices: [Line]
    let total: Int
    let csrf: String
    let invited: String?
    let problem: String?

    struct Line {
        let recipient: String
        let subject: String
        let body: String
        let created: String
        let state: String

        /// A message as a list shows it: to whom, what, when, and whether it went out.
        init(_ notice: Notice) {
            state = notice.sentAt.map { "sent \($0.formatted(date: .abbreviated, time: .shortened))" }
                ?? (notice.lastError.map { "not sent after \(notice.attempts) attempt(s): \($0)" } ?? "waiting")
            (recipient, subject, body) = (notice.recipient, notice.subject, notice.body)
            created = notice.createdAt.formatted(date: .abbreviated, time: .shortened)
        }
    }

    init(_ page: Page<Notice>, csrf: String, invited: String?, problem: String?) {
        notices = page.items.map(Line.init)
        total = page.total
        self.csrf = csrf
        self.invited = invited
        self.problem = problem
    }
}
