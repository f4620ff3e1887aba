import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func scheduledMeetings(of relationship: Relationship.ID) async throws -> [ScheduledMeeting] {
        try await ScheduledMeetingModel.query(on: db).filter(\.$relationshipID == relationship.uuid).sort(\.$startsAt).all().map { try $0.domain() }
    }

    public func scheduledMeeting(_ id: ScheduledMeeting.ID) async throws -> ScheduledMeeting? {
        try await ScheduledMeetingModel.find(id.uuid, on: db)?.domain()
    }

    public func save(_ meeting: ScheduledMeeting) async throws {
        try await upsert(ScheduledMeetingModel.self, id: meeting.id.uuid) { $0.update(from: meeting) }
    }

    public func meetingsAwaitingReminder(startingBefore: Date, after: Date) async throws -> [ScheduledMeeting] {
        try await ScheduledMeetingModel.query(on: db).filter(\.$cancelled == false).filter(\.$remindedAt == nil)
            .filter(\.$startsAt > after).filter(\.$startsAt <= startingBefore).sort(\.$startsAt).all().map { try $0.domain() }
    }

    public func claimReminder(of meeting: ScheduledMeeting.ID, now: Date) async throws -> Bool {
        try await claim("UPDATE scheduled_meetings SET reminded_at = \(bind: now) WHERE id = \(bind: meeting.uuid) AND reminded_at IS NULL RETURNING id")
    }

    public func claimHeld(_ meeting: ScheduledMeeting.ID, as held: HeldMeeting.ID) async throws -> Bool {
        try await claim("UPDATE scheduled_meetings SET held_meeting_id = \(bind: held.uuid) WHERE id = \(bind: meeting.uuid) AND held_meeting_id IS NULL RETURNING id")
    }

    public func claimNudge(of relationship: Relationship.ID, notNudgedSince: Date, now: Date) async throws -> Bool {
        try await claim("""
            UPDATE relationships SET nudged_at = \(bind: now)
            WHERE id = \(bind: relationship.uuid) AND (nudged_at IS NULL OR nudged_at < \(bind: notNudgedSince)) RETURNING id
            """)
    }

    /// Runs a conditional `UPDATE … RETURNING`: true when it changed the row. A second server
    /// racing for the same row waits for the first to commit, then finds the condition false.
    func claim(_ statement: SQLQueryString) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        return try await !sql.raw(statement).all().isEmpty
    }

    public func saveCalendarFeed(account: Account.ID, digest: String, createdAt: Date) async throws {
        try await upsert(CalendarFeedModel.self, id: account.uuid) {
            $0.id = account.uuid
            $0.digest = digest
            $0.createdAt = createdAt
        }
    }

    public func calendarFeedAccount(digest: String) async throws -> Account.ID? {
        try await CalendarFeedModel.query(on: db).filter(\.$digest == digest).first()?.id.map(Account.ID.init)
    }

    public func calendarFeedCreated(account: Account.ID) async throws -> Date? {
        try await CalendarFeedModel.find(account.uuid, on: db)?.createdAt
    }
}
