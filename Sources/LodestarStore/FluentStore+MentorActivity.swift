import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func mentorActivity(in cycle: Cycle.ID) async throws -> [Person.ID: Date] {
        let id = cycle.uuid
        // A meeting held in their relationships; a goal, an agreement or a pulse they wrote; a request they answered.
        let rows = try await sql.raw("""
            SELECT person, MAX(at) AS last FROM (
              SELECT r.mentor_person AS person, h.held_on AS at FROM held_meetings h JOIN relationships r ON r.id = h.relationship_id WHERE r.cycle_id = \(bind: id)
              UNION ALL SELECT g.edited_by, g.edited_at FROM goal_versions g JOIN relationships r ON r.id = g.relationship_id
                WHERE r.cycle_id = \(bind: id) AND g.edited_by = r.mentor_person
              UNION ALL SELECT a.edited_by, a.edited_at FROM agreements a JOIN relationships r ON r.id = a.relationship_id
                WHERE r.cycle_id = \(bind: id) AND a.edited_by = r.mentor_person
              UNION ALL SELECT p.person_id, p.given_at FROM meeting_pulses p JOIN relationships r ON r.id = p.relationship_id
                WHERE r.cycle_id = \(bind: id) AND p.person_id = r.mentor_person
              UNION ALL SELECT e.person_id, m.answered_at FROM mentor_requests m JOIN enrolments e ON e.id = m.mentor_enrolment
                WHERE m.cycle_id = \(bind: id) AND m.answered_at IS NOT NULL AND m.state IN ('accepted', 'declined')
            ) activity GROUP BY person
            """).all()
        var last: [Person.ID: Date] = [:]
        for row in rows { last[Person.ID(try row.uuid("person"))] = try row.decode(column: "last", as: Date.self) }
        return last
    }

    public func unansweredMentorRequests(sentBefore: Date) async throws -> [MentorRequest] {
        let ids = try await sql.raw("SELECT id FROM mentor_requests WHERE state = \(bind: MentorRequest.State.pending.rawValue) AND sent_at < \(bind: sentBefore) AND nudged_at IS NULL")
            .all().map { try $0.uuid("id") }
        guard !ids.isEmpty else { return [] }
        return try await MentorRequestModel.query(on: db).filter(\.$id ~~ ids).sort(\.$sentAt).all().map { try $0.domain() }
    }

    public func claimRequestNudge(of request: MentorRequest.ID, now: Date) async throws -> Bool {
        try await claim("""
            UPDATE mentor_requests SET nudged_at = \(bind: now)
            WHERE id = \(bind: request.uuid) AND nudged_at IS NULL AND state = \(bind: MentorRequest.State.pending.rawValue) RETURNING id
            """)
    }

    public func claimMentorNudge(of relationship: Relationship.ID, notNudgedSince: Date, now: Date) async throws -> Bool {
        try await claim("""
            UPDATE relationships SET mentor_nudged_at = \(bind: now)
            WHERE id = \(bind: relationship.uuid) AND (mentor_nudged_at IS NULL OR mentor_nudged_at < \(bind: notNudgedSince)) RETURNING id
            """)
    }
}
