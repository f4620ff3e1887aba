import Foundation

/// A mentor and a mentee working together in a cycle, from the moment a matching is published.
public struct Relationship: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Relationship>

    public var id: ID
    public var cycleID: Cycle.ID
    public var mentor: Enrolment.ID
    public var mentee: Enrolment.ID
    public var mentorPerson: Person.ID
    public var menteePerson: Person.ID
    /// The pair's score when it was matched (0–100).
    public var score: Double
    public var startedAt: Date
    public var endedAt: Date?
    public var endReason: String?

    /// Creates a relationship.
    public init(id: ID = ID(), cycleID: Cycle.ID, mentor: Enrolment.ID, mentee: Enrolment.ID, mentorPerson: Person.ID, menteePerson: Person.ID,
                score: Double, startedAt: Date, endedAt: Date? = nil, endReason: String? = nil) {
        self.id = id
        self.cycleID = cycleID
        self.mentor = mentor
        self.mentee = mentee
        self.mentorPerson = mentorPerson
        self.menteePerson = menteePerson
        self.score = score
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.endReason = endReason
    }

    /// The two people, for rotation and conflict checks.
    public var people: PersonPair { PersonPair(mentorPerson, menteePerson) }
}
