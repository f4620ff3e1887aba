import Foundation

/// A mentor and their mentees working together in a cycle, from the moment a matching is
/// published: one mentee in a pair, several in a group (shared goals, one workspace), and in a
/// peer circle the peers, one of whom (`mentor`) convenes it.
public struct Relationship: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Relationship>

    public var id: ID
    public var cycleID: Cycle.ID
    /// The mentor (a peer circle's convener).
    public var mentor: Enrolment.ID
    public var mentorPerson: Person.ID
    /// The mentees in the order they joined; a member who left stays listed, with when and why.
    public var members: [Member]
    /// The score when it was matched (0–100; a group's or circle's mean).
    public var score: Double
    public var startedAt: Date
    public var endedAt: Date?
    public var endReason: String?

    /// A mentee (or peer) in the relationship.
    public struct Member: Sendable, Equatable {
        public var enrolment: Enrolment.ID
        public var person: Person.ID
        /// When they left a group that went on without them.
        public var leftAt: Date?
        public var leaveReason: String?
        /// Creates a member.
        public init(enrolment: Enrolment.ID, person: Person.ID, leftAt: Date? = nil, leaveReason: String? = nil) {
            self.enrolment = enrolment
            self.person = person
            self.leftAt = leftAt
            self.leaveReason = leaveReason
        }
    }

    /// Creates a relationship of a mentor and their members.
    public init(id: ID = ID(), cycleID: Cycle.ID, mentor: Enrolment.ID, mentorPerson: Person.ID, members: [Member],
                score: Double, startedAt: Date, endedAt: Date? = nil, endReason: String? = nil) {
        self.id = id
        self.cycleID = cycleID
        self.mentor = mentor
        self.mentorPerson = mentorPerson
        self.members = members
        self.score = score
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.endReason = endReason
    }

    /// Creates a pair: one mentor, one mentee.
    public init(id: ID = ID(), cycleID: Cycle.ID, mentor: Enrolment.ID, mentee: Enrolment.ID, mentorPerson: Person.ID, menteePerson: Person.ID,
                score: Double, startedAt: Date, endedAt: Date? = nil, endReason: String? = nil) {
        self.init(id: id, cycleID: cycleID, mentor: mentor, mentorPerson: mentorPerson,
                  members: [Member(enrolment: mentee, person: menteePerson)], score: score, startedAt: startedAt, endedAt: endedAt, endReason: endReason)
    }

    /// The members who have not left.
    public var currentMembers: [Member] { members.filter { $0.leftAt == nil } }

    /// The mentor and every member, the ones who left included (they keep reading the workspace).
    public var participants: [Person.ID] { [mentorPerson] + members.map(\.person) }

    /// The mentor and the members who have not left: who is told, invited and reminded.
    public var currentParticipants: [Person.ID] { [mentorPerson] + currentMembers.map(\.person) }

    /// True when the person is the mentor or a member (who may have left).
    public func includes(_ person: Person.ID) -> Bool { participants.contains(person) }

    /// The member with this person, if any.
    public func member(_ person: Person.ID) -> Member? { members.first { $0.person == person } }

    /// True while the enrolment is a member who has not left an open relationship.
    public func holds(_ mentee: Enrolment.ID) -> Bool {
        endedAt == nil && currentMembers.contains { $0.enrolment == mentee }
    }

    /// True when `person`, ending it, leaves a group that goes on: a member still in it, with others.
    public func endingLeaves(for person: Person.ID) -> Bool {
        currentMembers.count > 1 && currentMembers.contains { $0.person == person }
    }

    /// Everyone who worked together here, two by two, for rotation: the mentor with each member,
    /// and in a circle (or group) the members among themselves too.
    public var pairs: [PersonPair] {
        let people = participants
        return people.indices.flatMap { a in people.indices.filter { $0 > a }.map { PersonPair(people[a], people[$0]) } }
    }
}
