/// A cycle's relationships not ended: who has a mentor, and how many places each mentor has left.
public struct OpenPairs: Sendable {
    public let relationships: [Relationship]

    /// The open ones of a cycle's relationships.
    public init(_ all: [Relationship]) { relationships = all.filter { $0.endedAt == nil } }

    public func hasMentor(_ mentee: Enrolment.ID) -> Bool { relationships.contains { $0.mentee == mentee } }

    /// The mentor's capacity less the mentees they have now.
    public func room(of mentor: Enrolment) -> Int {
        (mentor.profile.capacity ?? 0) - relationships.count { $0.mentor == mentor.id }
    }
}

/// Why a relationship could not be made when it came to it.
public enum PairingRefusal: Sendable, Equatable {
    case menteeHasMentor
    case mentorFull(capacity: Int)
}

extension LodestarRepositories {
    /// Makes a relationship if its mentee has none open in the cycle and its mentor has a place;
    /// the mentor's enrolment is held first, so pairings racing for a last place run one after the
    /// other and the second sees the first. Call it inside a transaction. Nil when made.
    public func insertWithinCapacity(_ relationship: Relationship, mentor: Enrolment) async throws -> PairingRefusal? {
        try await holdMentor(mentor.id)
        let open = OpenPairs(try await relationships(in: relationship.cycleID))
        if open.hasMentor(relationship.mentee) { return .menteeHasMentor }
        if open.room(of: mentor) <= 0 { return .mentorFull(capacity: mentor.profile.capacity ?? 0) }
        try await insert([relationship])
        return nil
    }
}
