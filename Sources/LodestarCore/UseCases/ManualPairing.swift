import Foundation

/// A programme manager pairs a mentor and a mentee by hand in an active cycle — a late joiner,
/// or a mentee whose relationship ended early — seeing the pair's score and any rule it breaks
/// first. A pair that breaks a hard rule, a full mentor, or a mentee already paired is refused.
public struct ManualPairing: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use case, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Who can be paired in a cycle now.
    public struct Candidates: Sendable {
        public let cycle: Cycle
        public let programme: Programme
        /// Mentees without an open relationship, with the ended one's reason when there was one.
        public let mentees: [(enrolment: Enrolment, person: Person, ended: String?)]
        /// Mentors with room, and how many places they have left.
        public let mentors: [(enrolment: Enrolment, person: Person, room: Int)]
    }

    /// The mentees and mentors of an active cycle that can be paired.
    public func candidates(_ cycleID: Cycle.ID) async throws -> Candidates {
        let (cycle, programme) = try await managed(cycleID)
        let relationships = try await store.relationships(in: cycle.id)
        let open = OpenPairs(relationships)
        let people = try await store.people(enrolledIn: cycle.id)
        let enrolments = try await store.allEnrolments(in: cycle.id)
        let mentees = enrolments.filter { $0.role == .mentee && !open.hasMentor($0.id) }.compactMap { enrolment in
            people[enrolment.personID].map { (enrolment, $0, relationships.endReason(of: enrolment.id)) }
        }
        let mentors = enrolments.filter { $0.role == .mentor }.compactMap { enrolment -> (Enrolment, Person, Int)? in
            let room = open.room(of: enrolment)
            return room > 0 ? people[enrolment.personID].map { (enrolment, $0, room) } : nil
        }
        return Candidates(cycle: cycle, programme: programme, mentees: mentees.sorted { $0.1.name < $1.1.name }, mentors: mentors.sorted { $0.1.name < $1.1.name })
    }

    /// A mentor with room as one mentee's possible mentor: the pair's score, or the rules it breaks.
    public struct MentorOption: Sendable {
        public let enrolment: Enrolment
        public let person: Person
        public let room: Int
        public let explanation: PairExplanation
    }

    /// The mentors with room for one of `candidates`' mentees: those the hard rules admit, best
    /// score first, then those they exclude (a mentor whose pair with the mentee ended is excluded
    /// by rotation) — so a re-match never proposes the previous mentor.
    public func options(for mentee: Enrolment.ID, among candidates: Candidates, now: Date) async throws -> [MentorOption] {
        guard candidates.mentees.contains(where: { $0.enrolment.id == mentee }) else {
            throw ValidationError([FieldIssue(field: "mentee", message: "has a mentor in this cycle, or is not one of its mentees; choose one from the list")])
        }
        let request = try await CycleMatching(store: store).request(for: candidates.cycle.id, now: now)
        let explained = Dictionary(try MatchPlanner.explainAll(mentee: mentee, in: request).map { ($0.mentor, $0.explanation) }) { first, _ in first }
        return candidates.mentors.compactMap { mentor in
            explained[mentor.enrolment.id].map { MentorOption(enrolment: mentor.enrolment, person: mentor.person, room: mentor.room, explanation: $0) }
        }
        .sorted { ($0.explanation.score?.total ?? -1, $1.person.name) > ($1.explanation.score?.total ?? -1, $0.person.name) }
    }

    /// The pair's score and breakdown, or the rules it breaks (a mentee's ended pair counts as rotation).
    public func preview(_ cycleID: Cycle.ID, mentee: Enrolment.ID, mentor: Enrolment.ID, now: Date) async throws -> PairExplanation {
        _ = try await managed(cycleID)
        return try MatchPlanner.explain(mentee: mentee, mentor: mentor, in: try await CycleMatching(store: store).request(for: cycleID, now: now))
    }

    /// Creates the relationship (in group mentoring, the mentee joins the mentor's group) and tells
    /// both; refuses what breaks a rule or has no room.
    public func pair(_ cycleID: Cycle.ID, mentee: Enrolment.ID, mentor: Enrolment.ID, now: Date) async throws -> Relationship {
        let (cycle, programme) = try await managed(cycleID)
        let explanation = try await preview(cycleID, mentee: mentee, mentor: mentor, now: now)
        guard let score = explanation.score else {
            throw ValidationError([FieldIssue(field: "pair", message: "breaks a hard rule: " + explanation.brokenRules.map(\.explanation).joined(separator: "; "))])
        }
        guard let menteeEnrolment = try await store.enrolment(mentee), let mentorEnrolment = try await store.enrolment(mentor) else { throw NotFound("enrolment", mentee) }
        guard let menteePerson = try await store.person(menteeEnrolment.personID), let mentorPerson = try await store.person(mentorEnrolment.personID) else {
            throw NotFound("person", menteeEnrolment.personID)
        }
        let pair = Relationship(cycleID: cycle.id, mentor: mentor, mentee: mentee, mentorPerson: mentorPerson.id, menteePerson: menteePerson.id,
                                score: score.total, startedAt: now)
        let notices = NoticeWriter(now: now, about: programme.id).matched([pair], shape: .pair, unmatched: [], enrolments: [mentee: menteeEnrolment, mentor: mentorEnrolment],
                                                     people: [menteePerson.id: menteePerson, mentorPerson.id: mentorPerson], in: cycle.place(in: programme))
        return try await store.inTransaction { tx in
            switch try await tx.insertWithinCapacity(pair, mentor: mentorEnrolment, joiningGroup: programme.relationshipShape == .group) {
            case .failure(.menteeHasMentor):
                throw ValidationError([FieldIssue(field: "mentee", message: "\(menteePerson.name) already has a mentor in this cycle")])
            case .failure(.mentorFull(let capacity)):
                throw ValidationError([FieldIssue(field: "mentor", message: "\(mentorPerson.name) has no place left (takes \(capacity))")])
            case .success(let relationship):
                for notice in notices { try await tx.save(notice) }
                try await tx.enqueue(.relationship(.relationshipStarted, relationship, at: now))
                return relationship
            }
        }
    }

    private func managed(_ cycleID: Cycle.ID) async throws -> (Cycle, Programme) {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "pairing mentors and mentees by hand")
        guard cycle.state == .active else {
            throw ValidationError([FieldIssue(field: "state", message: "\(cycle.name) is \(cycle.state.rawValue); pairs are made by hand in an active cycle (while matching, reassign on the plan)")])
        }
        return (cycle, programme)
    }
}
