import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func save(_ notice: Notice) async throws {
        try await upsert(NoticeModel.self, id: notice.id.uuid) { $0.update(from: notice) }
    }

    public func notices(page request: PageRequest) async throws -> Page<Notice> {
        try await page(NoticeModel.query(on: db).sort(\.$createdAt, .descending), request) { $0.domain }
    }

    public func notices(about programme: Programme.ID, page request: PageRequest) async throws -> Page<Notice> {
        try await page(NoticeModel.query(on: db).filter(\.$programmeID == programme.uuid).sort(\.$createdAt, .descending).sort(\.$id), request) { $0.domain }
    }

    public func claimUnsentNotices(limit: Int, maximumAttempts: Int, now: Date) async throws -> [Notice] {
        guard let sql = db as? any SQLDatabase else { return [] }
        // One statement claims the rows; PostgreSQL skips rows another server is claiming at the
        // same moment, SQLite has one writer anyway.
        let skipLocked: SQLQueryString = kind == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let claimed = try await sql.raw("""
            UPDATE notices SET claimed_until = \(bind: now.addingTimeInterval(300)) WHERE id IN (
              SELECT id FROM notices WHERE sent_at IS NULL AND attempts < \(bind: maximumAttempts)
                AND (claimed_until IS NULL OR claimed_until < \(bind: now))
              ORDER BY created_at LIMIT \(bind: limit)\(skipLocked)) RETURNING id
            """).all().map { try $0.uuid("id") }
        guard !claimed.isEmpty else { return [] }
        return try await NoticeModel.query(on: db).filter(\.$id ~~ claimed).sort(\.$createdAt).all().map(\.domain)
    }

    public func outboxBacklog() async throws -> OutboxBacklog {
        let waiting = NoticeModel.query(on: db).filter(\.$sentAt == nil)
        return OutboxBacklog(waiting: try await waiting.count(), oldest: try await waiting.copy().min(\.$createdAt))
    }

    public func save(_ link: OneTimeLink) async throws {
        let row = try await OneTimeLinkModel.query(on: db).filter(\.$digest == link.digest).first() ?? OneTimeLinkModel()
        row.update(from: link)
        try await row.save(on: db)
    }

    public func oneTimeLink(digest: String) async throws -> OneTimeLink? {
        try await OneTimeLinkModel.query(on: db).filter(\.$digest == digest).first()?.domain()
    }

    public func useOneTimeLink(digest: String, now: Date) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let used = try await sql.raw("""
            UPDATE one_time_links SET used_at = \(bind: now)
            WHERE digest = \(bind: digest) AND used_at IS NULL AND expires_at > \(bind: now) RETURNING id
            """).all()
        return used.count == 1
    }

    public func voidOneTimeLinks(of account: Account.ID, now: Date) async throws {
        try await OneTimeLinkModel.query(on: db).filter(\.$accountID == account.uuid).filter(\.$usedAt == nil)
            .set(\.$usedAt, to: now).update()
    }
}

extension FluentStore {
    public func inbox(of recipients: Set<String>, unreadOnly: Bool, page request: PageRequest) async throws -> Page<Notice> {
        guard !recipients.isEmpty else { return Page(items: [], total: 0, request: request) }
        var query = NoticeModel.query(on: db).filter(\.$recipient ~~ Array(recipients))
        if unreadOnly { query = query.filter(\.$readAt == nil) }
        return try await page(query.sort(\.$createdAt, .descending).sort(\.$id), request) { $0.domain }
    }

    public func notice(_ id: Notice.ID, of recipients: Set<String>) async throws -> Notice? {
        guard !recipients.isEmpty else { return nil }
        return try await NoticeModel.query(on: db).filter(\.$id == id.uuid).filter(\.$recipient ~~ Array(recipients)).first()?.domain
    }

    @discardableResult
    public func markRead(_ id: Notice.ID?, of recipients: Set<String>, at: Date) async throws -> Int {
        guard !recipients.isEmpty else { return 0 }
        var query: SQLQueryString = "UPDATE notices SET read_at = \(bind: at) WHERE recipient IN (\(binds: Array(recipients))) AND read_at IS NULL"
        if let id { query += " AND id = \(bind: id.uuid)" }
        return try await sql.raw(query + " RETURNING id").all().count
    }
}
