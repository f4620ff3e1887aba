import Foundation

/// The notifications outbox and the one-time links it carries.
public protocol OutboxRepository: Sendable {
    /// Inserts or updates one notice.
    func save(_ notice: Notice) async throws
    /// The newest notices first.
    func notices(page: PageRequest) async throws -> Page<Notice>
    /// The notices about a programme, newest first.
    func notices(about programme: Programme.ID, page: PageRequest) async throws -> Page<Notice>
    /// The messages sent to any of `recipients` (emails in lower case), newest first; only the unread with `unreadOnly`.
    func inbox(of recipients: Set<String>, unreadOnly: Bool, page: PageRequest) async throws -> Page<Notice>
    /// The message `id` when it was sent to one of `recipients`.
    func notice(_ id: Notice.ID, of recipients: Set<String>) async throws -> Notice?
    /// Marks as read at `at` the message `id` (every unread one when nil) of `recipients`; how many it marked.
    @discardableResult
    func markRead(_ id: Notice.ID?, of recipients: Set<String>, at: Date) async throws -> Int
    /// Unsent notices with attempts left, oldest first, each claimed for five minutes by this
    /// caller alone (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so two app servers never send
    /// one twice); a claim that runs out (a server died mid-send) frees the notice again.
    func claimUnsentNotices(limit: Int, maximumAttempts: Int, now: Date) async throws -> [Notice]
    /// How many notices wait to be sent, and since when the oldest has waited.
    func outboxBacklog() async throws -> OutboxBacklog
    /// Inserts or updates one link.
    func save(_ link: OneTimeLink) async throws
    func oneTimeLink(digest: String) async throws -> OneTimeLink?
    /// Marks the link used if it still is usable at `now`, in one conditional write, and says
    /// whether this caller was the one that used it (of two at once, exactly one is).
    func useOneTimeLink(digest: String, now: Date) async throws -> Bool
    /// Marks every unused link of an account used (its password was just set).
    func voidOneTimeLinks(of account: Account.ID, now: Date) async throws
}
