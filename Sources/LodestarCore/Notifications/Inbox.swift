import Foundation

/// A person's inbox: every message Lodestar sent them, newest first, read or unread. Only the
/// recipient opens it; one-time links (invitations, password resets) stay in the email alone,
/// so a session left open can't be used to choose the account's password.
public struct Inbox: Sendable {
    let store: any OutboxRepository
    let principal: Principal

    /// Creates the use cases for `principal`'s own messages.
    public init(store: any OutboxRepository, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// A page of their messages; only the unread with `unreadOnly`.
    public func messages(unreadOnly: Bool = false, page: PageRequest) async throws -> Page<Notice> {
        try await store.inbox(of: principal.mailboxes, unreadOnly: unreadOnly, page: page).map(Self.shown)
    }

    /// One of their messages; another's is not found (nor is its existence told).
    public func message(_ id: Notice.ID) async throws -> Notice {
        guard let notice = try await store.notice(id, of: principal.mailboxes) else { throw NotFound("message", id) }
        return Self.shown(notice)
    }

    /// Opens a message: it is marked read (once; the first time counts).
    public func open(_ id: Notice.ID, now: Date) async throws -> Notice {
        var notice = try await message(id)
        if notice.readAt == nil {
            try await store.markRead(id, of: principal.mailboxes, at: now)
            notice.readAt = now
        }
        return notice
    }

    /// Marks every unread message read; how many were.
    @discardableResult
    public func markAllRead(now: Date) async throws -> Int {
        try await store.markRead(nil, of: principal.mailboxes, at: now)
    }

    private static func shown(_ notice: Notice) -> Notice {
        var notice = notice
        notice.body = AccountLinks.hidingLinks(notice.body)
        return notice
    }
}
