import Foundation

/// A message waiting in the outbox, or sent from it. The outbox is a table: an admin can read
/// what was (or would have been) sent, and a delivery job sends it by SMTP when one is configured.
public struct Notice: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Notice>

    public var id: ID
    public var recipient: String
    public var subject: String
    public var body: String
    public var createdAt: Date
    /// When delivery succeeded; nil while waiting (or when no mail server is configured).
    public var sentAt: Date?
    public var attempts: Int
    public var lastError: String?
    /// When the recipient opened it in their inbox; nil while unread.
    public var readAt: Date?
    /// The programme it is about, if any: its managers see it among the programme's messages.
    public var programme: Programme.ID?

    /// Creates a notice waiting to be sent.
    public init(id: ID = ID(), recipient: String, subject: String, body: String, createdAt: Date, sentAt: Date? = nil, attempts: Int = 0,
                lastError: String? = nil, readAt: Date? = nil, programme: Programme.ID? = nil) {
        self.id = id
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.attempts = attempts
        self.lastError = lastError
        self.readAt = readAt
        self.programme = programme
    }
}

/// Sends notices: SMTP in production; the seam the delivery job and its tests share.
public protocol Mailer: Sendable {
    /// Delivers one notice or throws what went wrong.
    func send(_ notice: Notice) async throws
}

/// Sends what waits in the outbox, oldest first, and records each attempt.
public struct OutboxDelivery: Sendable {
    let store: any LodestarRepositories
    let mailer: any Mailer
    /// A notice is given up after this many failed attempts (it stays readable in the outbox).
    public static let maximumAttempts = 5

    /// Creates the job.
    public init(store: any LodestarRepositories, mailer: any Mailer) {
        self.store = store
        self.mailer = mailer
    }

    /// Sends up to `limit` waiting notices; returns how many went out.
    @discardableResult
    public func deliver(limit: Int = 50, now: Date) async throws -> Int {
        var sent = 0
        for var notice in try await store.claimUnsentNotices(limit: limit, maximumAttempts: Self.maximumAttempts, now: now) {
            notice.attempts += 1
            do {
                try await mailer.send(notice)
                notice.sentAt = now
                notice.lastError = nil
                sent += 1
            } catch {
                notice.lastError = "\(error)"
            }
            try await store.save(notice)
        }
        return sent
    }
}
