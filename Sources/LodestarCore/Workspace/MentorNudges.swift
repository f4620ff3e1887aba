import Foundation

/// The repeating job's nudges to mentors (M14, inactive mentors): a mentor whose relationship
/// had no meeting in twice the cadence hears it once per two cadences; a mentor a request has
/// waited on for two days hears it once. Each nudge is claimed in the transaction that writes it.
struct MentorNudges: Sendable {
    let store: any LodestarRepositories
    let writer: NoticeWriter

    /// How long a request waits before its mentor is nudged.
    static let requestWait: TimeInterval = 2 * 86400

    /// Nudges the mentor of `pair` if its last meeting (or its start) lies two cadences back.
    func quietPair(_ pair: RelationshipWorkspace.Oversight, _ people: RelationshipPeople, in programme: Programme, now: Date) async throws -> Bool {
        let twoCadences = 2 * TimeInterval(programme.cadence.days) * 86400
        guard now.timeIntervalSince(pair.lastMeeting ?? pair.relationship.startedAt) > twoCadences else { return false }
        let notice = writer.about(programme.id).mentorNudge(pair, to: people.mentor, mentees: people.others(than: people.mentor.id), cadence: programme.cadence)
        let id = pair.relationship.id
        return try await store.inTransaction { tx in
            guard try await tx.claimMentorNudge(of: id, notNudgedSince: now.addingTimeInterval(-twoCadences), now: now) else { return false }
            try await tx.save(notice)
            return true
        }
    }

    /// Nudges each mentor a pending request has waited on for two days; how many were nudged.
    func waitingRequests(now: Date) async throws -> Int {
        var nudged = 0
        for request in try await store.unansweredMentorRequests(sentBefore: now.addingTimeInterval(-Self.requestWait)) {
            guard let mentor = try await person(of: request.mentor), let mentee = try await person(of: request.mentee) else { continue }
            let notice = writer.about(try await store.cycleWithProgramme(request.cycleID)?.1.id).requestWaiting(to: mentor, from: mentee, until: request.expiresAt)
            let claimed = try await store.inTransaction { tx in
                guard try await tx.claimRequestNudge(of: request.id, now: now) else { return false }
                try await tx.save(notice)
                return true
            }
            if claimed { nudged += 1 }
        }
        return nudged
    }

    private func person(of enrolment: Enrolment.ID) async throws -> Person? {
        try await store.enrolment(enrolment).asyncFlatMap { try await store.person($0.personID) }
    }
}
