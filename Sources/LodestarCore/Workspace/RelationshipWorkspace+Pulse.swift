import Foundation

extension RelationshipWorkspace {
    /// Rates a held meeting, 1 to 5, with an optional comment that the programme's managers read
    /// only when `shareComment` — the other participants never. Giving it again replaces it.
    /// With `fit` — the fit check — "not a fit" tells the programme's managers, and tells the
    /// mentee that their manager can match them with another mentor.
    public func givePulse(_ id: Relationship.ID, meeting meetingID: HeldMeeting.ID, rating: Int, comment: String, shareComment: Bool,
                          fit: FitAnswer? = nil, now: Date) async throws -> MeetingPulse {
        let (relationship, me) = try await changing(id)
        guard try await store.meetings(of: id).contains(where: { $0.id == meetingID }) else { throw NotFound("held meeting", meetingID) }
        var issues: [FieldIssue] = []
        if !MeetingPulse.ratings.contains(rating) { issues.append(FieldIssue(field: "rating", message: "\(rating) is not a rating; give 1 (poor) to 5 (excellent)")) }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if comment.count > 2_000 { issues.append(FieldIssue(field: "comment", message: "is \(comment.count) characters; keep it under 2,000")) }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let pulse = MeetingPulse(meetingID: meetingID, relationshipID: id, personID: me, rating: rating, comment: comment,
                                 commentShared: shareComment && !comment.isEmpty, fit: fit, givenAt: now)
        var notices: [Notice] = []
        if fit == .poor, let programme = try await store.programme(of: relationship) {
            let people = try await people(relationship)
            let writer = NoticeWriter(publicURL: publicURL, now: now, about: programme.id)
            let who = people.everyone.first { $0.id == me }?.name ?? "Someone"
            for manager in try await store.managers(of: programme.id) {
                notices.append(writer.poorFit(to: manager.email, reported: who, pair: people.everyone.map(\.name), pairing: .cycle(.value(relationship.cycleID), .pairs)))
            }
            for mentee in people.members where mentee.id != relationship.mentorPerson {
                notices.append(writer.rematchOffered(mentee))
            }
        }
        try await store.inTransaction { [pulse, notices] tx in
            try await tx.save(pulse)
            for notice in notices { try await tx.save(notice) }
        }
        return pulse
    }
}
