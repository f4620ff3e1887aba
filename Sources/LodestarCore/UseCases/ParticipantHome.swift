/// The home page of a mentor or mentee: where they take part, what their profile still lacks,
/// where they choose or answer, and their open relationships — read in a few queries however
/// many cycles they have been in.
public struct ParticipantHome: Sendable {
    /// One enrolment, with its cycle and programme.
    public struct Enrolled: Sendable {
        public let enrolment: Enrolment
        public let cycle: Cycle
        public let programme: Programme
        /// What the profile lacks for the role.
        public let missing: [String]
        /// True while the programme lets its mentees choose (the mentee chooses, the mentor answers).
        public let choosing: Bool
    }

    /// An open relationship, with its people and where it belongs.
    public struct Open: Sendable {
        public let people: RelationshipPeople
        public let cycle: Cycle
        public let programme: Programme
    }

    public let enrolments: [Enrolled]
    public let relationships: [Open]
    /// Applications to cycles that have not started matching: to send, waiting, or decided.
    public let applications: [ApplicationPage]

    /// Reads the home of `principal`.
    public static func read(for principal: Principal, _ store: any PrincipalReading & RelationshipRepository & PeopleRepository & ApplicationRepository & ProgrammeRepository) async throws -> ParticipantHome {
        guard let me = principal.person else { return ParticipantHome(enrolments: [], relationships: [], applications: []) }
        let places = Dictionary(try await store.cyclesWithProgrammes(of: me.id).map { ($0.cycle.id, $0) }, uniquingKeysWith: { first, _ in first })
        let enrolments = principal.enrolments.compactMap { entry -> Enrolled? in
            guard let (cycle, programme) = places[entry.enrolment.cycleID] else { return nil }
            return Enrolled(enrolment: entry.enrolment, cycle: cycle, programme: programme, missing: entry.enrolment.profile.missing(for: entry.enrolment.role),
                            choosing: cycle.menteesChoose(in: programme))
        }
        // A member who left a group finds it no longer here (it stays readable from its link).
        let open = try await store.relationships(of: me.id).filter { $0.endedAt == nil && $0.member(me.id)?.leftAt == nil }
        let people = Dictionary(try await store.people(ids: Set(open.flatMap { [$0.mentorPerson] + $0.members.map(\.person) })).map { ($0.id, $0) },
                                uniquingKeysWith: { first, _ in first })
        let relationships = open.compactMap { relationship -> Open? in
            guard let mentor = people[relationship.mentorPerson], let (cycle, programme) = places[relationship.cycleID] else { return nil }
            let members = relationship.members.compactMap { people[$0.person] }
            guard members.count == relationship.members.count else { return nil }
            return Open(people: RelationshipPeople(relationship: relationship, mentor: mentor, members: members), cycle: cycle, programme: programme)
        }
        // The current first, then those of closed cycles — complete, kept to read — the latest first.
        .sorted { ($0.cycle.state == .closed ? 1 : 0, $1.people.relationship.startedAt) < ($1.cycle.state == .closed ? 1 : 0, $0.people.relationship.startedAt) }
        let applications = try await ApplicationPage.all(of: me, store).filter(\.cycle.takesEnrolments)
        return ParticipantHome(enrolments: enrolments, relationships: relationships, applications: applications)
    }
}
