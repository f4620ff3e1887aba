import Foundation

extension RelationshipWorkspace {
    /// Ends a relationship early, with a reason (anyone in it, or the programme's manager); the
    /// workspace stays to read, meetings ahead are cancelled, everyone hears of it, and the
    /// mentees can be re-matched. In a group of several, a member ending it leaves instead and the
    /// group goes on.
    public func end(_ id: Relationship.ID, reason: String, now: Date) async throws -> Relationship {
        guard var relationship = try await store.relationship(id) else { throw NotFound("relationship", id) }
        let me = principal.person.map(\.id).flatMap { relationship.includes($0) ? $0 : nil }
        guard let programme = try await store.programme(of: relationship) else { throw NotFound("relationship", id) }
        if me == nil { try principal.requireManager(of: programme, "ending a relationship") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ValidationError([FieldIssue(field: "reason", message: "is empty; say why it ends (the mentee's next match takes it into account)")]) }
        guard reason.count <= 1000 else { throw ValidationError([FieldIssue(field: "reason", message: "is longer than 1,000 characters")]) }
        guard relationship.endedAt == nil else { return relationship }
        try await refuseIfComplete(relationship)
        if let me { try refuseIfLeft(relationship, me) }
        let people = try await people(relationship)
        if let me, relationship.endingLeaves(for: me) {
            return try await leave(relationship, me: me, people: people, reason: reason, writer: NoticeWriter(now: now, about: programme.id), now: now)
        }
        relationship.endedAt = now
        relationship.endReason = reason
        let writer = NoticeWriter(now: now, about: programme.id)
        let notices = people.current.map { person in
            writer.ended(to: person, with: people.others(than: person.id), reason: reason,
                         rematchable: relationship.members.contains { $0.person == person.id })
        }
        // Meetings still ahead are cancelled, so calendars holding them drop them.
        let cancelled = try await store.scheduledMeetings(of: id).filter { !$0.cancelled && $0.startsAt > now }.map { meeting in
            var meeting = meeting
            meeting.cancel(at: now)
            return meeting
        }
        try await store.inTransaction { [relationship] tx in
            try await tx.end(relationship.id, at: now, reason: reason)
            for meeting in cancelled { try await tx.save(meeting) }
            for notice in notices { try await tx.save(notice) }
            try await tx.enqueue(.relationship(.relationshipEnded, relationship, at: now))
        }
        return relationship
    }

    /// A member leaves a group that goes on: they keep reading, the others are told, and they
    /// may be matched again.
    private func leave(_ relationship: Relationship, me: Person.ID, people: RelationshipPeople, reason: String, writer: NoticeWriter,
                       now: Date) async throws -> Relationship {
        var relationship = relationship
        guard let index = relationship.members.firstIndex(where: { $0.person == me }), let leaver = people.person(me) else { throw NotFound("relationship", relationship.id) }
        relationship.members[index].leftAt = now
        relationship.members[index].leaveReason = reason
        let notices = people.others(than: me).map { writer.memberLeft(leaver, to: $0, reason: reason) } + [writer.youLeft(leaver, others: people.others(than: me))]
        try await store.inTransaction { [relationship] tx in
            try await tx.leave(relationship.id, member: me, at: now, reason: reason)
            for notice in notices { try await tx.save(notice) }
        }
        return relationship
    }
}
