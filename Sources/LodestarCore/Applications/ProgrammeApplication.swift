import Foundation

/// A person's application to take part in one cycle in one role (PRODUCT.md M3): the manager
/// invites, the person applies with their mentoring profile, the manager accepts, declines or
/// waitlists. Only an accepted application enrols its person; until matching starts the person
/// may withdraw.
public struct ProgrammeApplication: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<ProgrammeApplication>

    public var id: ID
    public var cycleID: Cycle.ID
    public var personID: Person.ID
    public var role: EnrolmentRole
    public var state: ApplicationState
    /// The profile the person applied with; nil until they apply.
    public var profile: MentoringProfile?
    /// Why they want to take part, in their words.
    public var motivation: String
    public var invited: Attribution
    /// When the person last sent the form.
    public var appliedAt: Date?
    /// Who decided last, and when (also a withdrawal, by the person).
    public var decided: Attribution?

    /// Creates an application.
    public init(id: ID = ID(), cycleID: Cycle.ID, personID: Person.ID, role: EnrolmentRole, state: ApplicationState = .invited,
                profile: MentoringProfile? = nil, motivation: String = "", invited: Attribution, appliedAt: Date? = nil, decided: Attribution? = nil) {
        self.id = id
        self.cycleID = cycleID
        self.personID = personID
        self.role = role
        self.state = state
        self.profile = profile
        self.motivation = motivation
        self.invited = invited
        self.appliedAt = appliedAt
        self.decided = decided
    }
}

/// Where an application stands.
public enum ApplicationState: String, Sendable, Codable, CaseIterable, Choice {
    /// Invited, not applied yet.
    case invited
    /// Applied; waiting for the manager.
    case applied
    /// Accepted: the person is enrolled.
    case accepted
    case declined
    /// Neither accepted nor declined yet: kept in case a place opens.
    case waitlisted
    /// Withdrawn by the person.
    case withdrawn

    /// The person may (re)send the form: invited, or applied and not decided yet, or waitlisted,
    /// or after withdrawing.
    public var takesApplication: Bool { [.invited, .applied, .waitlisted, .withdrawn].contains(self) }

    /// The manager may decide: once the person applied, and may change their mind until matching.
    public var awaitsDecision: Bool { [.applied, .waitlisted, .accepted, .declined].contains(self) }

    /// The person may withdraw.
    public var withdrawable: Bool { [.invited, .applied, .accepted, .waitlisted].contains(self) }

    /// Still in the running: neither declined nor withdrawn.
    public var stands: Bool { self != .declined && self != .withdrawn }

    /// The manager's three answers.
    public static let decisions: [ApplicationState] = [.accepted, .waitlisted, .declined]

    /// In a sentence: "accepted", "on the waiting list".
    public var words: String {
        switch self {
        case .invited: "invited, not applied yet"
        case .applied: "applied, awaiting a decision"
        case .accepted: "accepted"
        case .declined: "declined"
        case .waitlisted: "on the waiting list"
        case .withdrawn: "withdrawn"
        }
    }
}

/// An application with its person's name and email and, where one was asked for, its cycle and
/// programme, as the lists show it.
public struct NamedApplication: Sendable, Equatable {
    public let application: ProgrammeApplication
    public let person: NamedPerson
    public let email: String

    /// Creates a named application.
    public init(_ application: ProgrammeApplication, person: NamedPerson, email: String) {
        self.application = application
        self.person = person
        self.email = email
    }
}
