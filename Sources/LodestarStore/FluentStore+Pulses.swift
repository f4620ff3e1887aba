import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func pulses(ofAny relationships: [Relationship.ID]) async throws -> [MeetingPulse] {
        guard !relationships.isEmpty else { return [] }
        return try await rows("SELECT * FROM meeting_pulses WHERE relationship_id IN (\(binds: relationships.map(\.uuid)))") { sqlRow in
            let row = RowColumns(row: sqlRow, prefix: "")
            return MeetingPulse(meetingID: HeldMeeting.ID(try row("meeting_id", as: UUID.self)), relationshipID: Relationship.ID(try row("relationship_id", as: UUID.self)),
                                personID: Person.ID(try row("person_id", as: UUID.self)), rating: try row("rating"), comment: try row("comment"),
                                commentShared: try row("comment_shared"),
                                fit: try row("fit", as: String?.self).map { try StoredValue.decode($0, as: FitAnswer.self, column: "meeting_pulses.fit") },
                                givenAt: try row("given_at"))
        }
    }

    public func save(_ pulse: MeetingPulse) async throws {
        try await sql.raw("""
            INSERT INTO meeting_pulses (meeting_id, relationship_id, person_id, rating, comment, comment_shared, fit, given_at) VALUES
            (\(bind: pulse.meetingID.uuid), \(bind: pulse.relationshipID.uuid), \(bind: pulse.personID.uuid), \(bind: pulse.rating),
            \(bind: pulse.comment), \(bind: pulse.commentShared), \(bind: pulse.fit?.rawValue), \(bind: pulse.givenAt))
            ON CONFLICT (meeting_id, person_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment,
            comment_shared = excluded.comment_shared, fit = excluded.fit, given_at = excluded.given_at
            """).run()
    }
}
