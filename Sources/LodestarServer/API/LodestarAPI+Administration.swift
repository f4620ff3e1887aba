import Foundation
import LodestarCore

/// `/api/v1/tokens`, `/api/v1/outbox` and `/api/v1/calendar-feed`: the admin's API tokens and
/// outbox, and one's own calendar-feed address. Tokens are managed by a signed-in admin only, never
/// by another token, so that a leaked token cannot outlive its revocation through one it made.
extension LodestarAPI {
    func listTokens(_ input: Operations.ListTokens.Input) async throws -> Operations.ListTokens.Output {
        let principal = try humanAdmin("managing API tokens")
        let tokens = try await authentication.tokens(for: principal).sorted { $0.createdAt > $1.createdAt }
        return .ok(.init(body: .json(ListBody(Page(slicing: tokens, try APIRequest.page(input.query.offset, input.query.limit)), TokenBody.init))))
    }

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        let principal = try humanAdmin("creating API tokens")
        let body = switch input.body { case .json(let json): try json.read() }
        let (token, record) = try await authentication.createToken(name: body.name ?? "", scope: body.scope ?? .read, by: principal,
                                                                   now: try APIRequest.current().now)
        return .created(.init(body: .json(TokenBody(record, token: token))))
    }

    func revokeToken(_ input: Operations.RevokeToken.Input) async throws -> Operations.RevokeToken.Output {
        let principal = try humanAdmin("revoking API tokens")
        let id: ApiToken.ID = try Identifier(path: input.path.id, of: "API token")
        try await authentication.revokeToken(id, by: principal, now: try APIRequest.current().now)
        return .noContent(.init())
    }

    func listOutbox(_ input: Operations.ListOutbox.Input) async throws -> Operations.ListOutbox.Output {
        let page = try await AccountLinks(store: store, credentials: credentials, publicURL: publicURL)
            .outbox(page: try APIRequest.page(input.query.offset, input.query.limit), for: try APIRequest.principal())
        return .ok(.init(body: .json(ListBody(page, NoticeBody.init))))
    }

    func invite(_ input: Operations.Invite.Input) async throws -> Operations.Invite.Output {
        let context = try APIRequest.current()
        let principal = try context.signedIn()
        try principal.requireAdmin("inviting people to sign in")
        let body = switch input.body { case .json(let json): try json.read() }
        let account = try await AccountLinks(store: store, credentials: credentials, publicURL: publicURL).invite(email: body.email, by: principal, now: context.now)
        return .created(.init(body: .json(InvitationBody(accountId: account.id.description, email: account.email, linked: account.personID != nil))))
    }

    func renewCalendarFeed(_ input: Operations.RenewCalendarFeed.Input) async throws -> Operations.RenewCalendarFeed.Output {
        let context = try APIRequest.current()
        let token = try await CalendarFeeds(store: store, credentials: credentials).renew(for: try context.signedIn(), now: context.now)
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return .created(.init(body: .json(.init(address: base + SiteURL.calendarFeed(.value(token)).path))))
    }

    private var authentication: Authentication { Authentication(store: store, credentials: credentials) }

    /// The caller, an admin signed in with a session (not a token).
    private func humanAdmin(_ doing: String) throws -> Principal {
        let principal = try APIRequest.principal()
        guard principal.scope == nil else {
            throw AccessDenied("API tokens are created, listed and revoked by a signed-in admin, not by another token (\(doing)).")
        }
        return principal
    }
}

/// A body naming someone by email: an invitation, an appointment.
struct EmailInput: Decodable, Sendable {
    let email: String
}

/// Who was invited; the link itself is only in the message.
struct InvitationBody: Encodable, Hashable, Sendable {
    let accountId: String
    let email: String
    let linked: Bool
}

struct TokenInput: Decodable, Sendable {
    let name: String?
    let scope: ApiToken.Scope?
}

/// A token as the API shows it; the token itself only once, when it is made.
struct TokenBody: Encodable, Hashable, Sendable {
    let id: String
    let name: String
    let scope: ApiToken.Scope
    let createdAt: Date
    let revokedAt: Date?
    let token: String?

    init(_ record: ApiToken) { self.init(record, token: nil) }

    init(_ record: ApiToken, token: String?) {
        id = record.id.description
        name = record.name
        scope = record.scope
        createdAt = record.createdAt
        revokedAt = record.revokedAt
        self.token = token
    }
}

/// A message of the outbox, its one-time links hidden as on the outbox page.
struct NoticeBody: Encodable, Hashable, Sendable {
    let id: String
    let recipient: String
    let subject: String
    let body: String
    let createdAt: Date
    let sentAt: Date?
    let attempts: Int
    let lastError: String?
    let readAt: Date?

    init(_ notice: Notice) {
        id = notice.id.description
        recipient = notice.recipient
        subject = notice.subject
        body = notice.body
        createdAt = notice.createdAt
        sentAt = notice.sentAt
        attempts = notice.attempts
        lastError = notice.lastError
        readAt = notice.readAt
    }
}
