/// An enrolment as a list of a cycle's participants shows it: who, in what role, and in a few
/// words what they bring or want — read in one query, without the rest of the person or profile.
public struct Participant: Sendable {
    public let enrolment: Enrolment.ID
    public let role: EnrolmentRole
    public let person: Person.ID
    public let name: String
    public let title: String
    public let department: String
    /// How many mentees a mentor takes.
    public let capacity: Int?
    /// The competencies a mentor offers, as their profile lists them.
    public let offers: [String]
    /// The competencies a mentee wants to develop, the most wanted first.
    public let develops: [String]

    public init(enrolment: Enrolment.ID, role: EnrolmentRole, person: Person.ID, name: String, title: String, department: String,
                capacity: Int?, skills: [Skill], goals: [DevelopmentGoal]) {
        (self.enrolment, self.role, self.person, self.name, self.title, self.department) = (enrolment, role, person, name, title, department)
        self.capacity = capacity
        offers = skills.map(\.competency)
        develops = goals.sorted { $0.priority < $1.priority }.map(\.competency)
    }
}
