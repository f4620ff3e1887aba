/// A person taking part in one cycle in one role, with the profile matching works from.
public struct Enrolment: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = Identifier<Enrolment>

    public var id: ID
    public var cycleID: Cycle.ID
    public var personID: Person.ID
    public var role: EnrolmentRole
    public var profile: MentoringProfile

    /// Creates an enrolment.
    public init(id: ID = ID(), cycleID: Cycle.ID, personID: Person.ID, role: EnrolmentRole, profile: MentoringProfile) {
        self.id = id
        self.cycleID = cycleID
        self.personID = personID
        self.role = role
        self.profile = profile
    }
}

/// The side a person takes in a cycle.
public enum EnrolmentRole: String, Sendable, Codable, CaseIterable, Choice {
    case mentor
    case mentee
}
