/// A cycle's relationships not ended: who has a mentor, and how many places each mentor has left.
public struct OpenPairs: Sendable {
    public let relationships: [Relationship]

    /// The open ones of a cycle's relationships.
    public init(_ all: [Relationship]) { relationships = all.filter { $0.endedAt == nil } }

    public func hasMentor(_ mentee: Enrolment.ID) -> Bool { relationships.contains { $0.holds(mentee) } }

    /// The mentor's capacity (a group's size) less the mentees they have now.
    public func room(of mentor: Enrolment) -> Int {
        (mentor.profile.capacity ?? 0) - relationships.filter { $0.mentor == mentor.id }.reduce(0) { $0 + $1.currentMembers.count }
    }

    /// The mentor's open group, which a new mentee joins in group mentoring.
    public func group(of mentor: Enrolment.ID) -> Relationship? { relationships.first { $0.mentor == mentor } }
}

/// Why a relationship could not be made when it came to it.
public enum PairingRefusal: Error, Sendable, Equatable {
    case menteeHasMentor
    case mentorFull(capacity: Int)
}

extension LodestarRepositories {
    /// Makes a relationship if its mentee has none open in the cycle and its mentor has a place
    /// — in group mentoring (`joiningGroup`) the mentee joins the mentor's open group when there
    /// is one. The mentor's enrolment is held first, so pairings racing for a last place run one
    /// after the other and the second sees the first. Call it inside a transaction. Returns the
    /// relationship the mentee is now in.
    public func insertWithinCapacity(_ relationship: Relationship, mentor: Enrolment, joiningGroup: Bool = false) async throws -> Result<Relationship, PairingRefusal> {
        try await holdMentor(mentor.id)
        let open = OpenPairs(try await relationships(in: relationship.cycleID))
        let member = relationship.members[0]
        if open.hasMentor(member.enrolment) { return .failure(.menteeHasMentor) }
        if open.room(of: mentor) <= 0 { return .failure(.mentorFull(capacity: mentor.profile.capacity ?? 0)) }
        if joiningGroup, var group = open.group(of: mentor.id) {
            try await add(member, to: group)
            group.members.append(member)
            return .success(group)
        }
        try await insert([relationship])
        return .success(relationship)
    }

}

extension Array where Element == Relationship {
    /// Why the mentee's latest relationship among these ended for them (it ended, or they left the group).
    public func endReason(of mentee: Enrolment.ID) -> String? {
        reversed().lazy.compactMap { relationship -> String? in
            guard let member = relationship.members.first(where: { $0.enrolment == mentee }) else { return nil }
            return member.leaveReason ?? relationship.endReason
        }.first
    }
}
