/// A request the principal's roles don't allow; the message says which role it needs.
public struct AccessDenied: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was refused and what it needs, e.g. "Seeing the people directory needs the organisation admin role."
    public let message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The access rules, one place for all of them: every page, API route and use case asks here.
/// An organisation admin manages everything except the content of private notes and confidential
/// answers (which only their author reads, see the relationship workspace); a programme manager
/// manages their own programmes; mentors and mentees see their own enrolments and profile.
extension Principal {
    /// True for an organisation admin.
    public var isAdmin: Bool { account.isAdmin }

    /// Refuses everyone but an organisation admin; `doing` names the action ("seeing the people directory").
    public func requireAdmin(_ doing: String) throws(AccessDenied) {
        guard isAdmin else { throw AccessDenied("\(doing.capitalisedFirst) needs the organisation admin role.") }
    }

    /// Refuses everyone but organisation admins and managers of some programme.
    public func requireManagement(_ doing: String) throws(AccessDenied) {
        guard isAdmin || !managedProgrammes.isEmpty else {
            throw AccessDenied("\(doing.capitalisedFirst) needs the programme manager or organisation admin role.")
        }
    }

    /// True when the principal may change the programme and run its cycles.
    public func manages(_ programme: Programme.ID) -> Bool { isAdmin || managedProgrammes.contains(programme) }

    /// Refuses everyone but the programme's managers and organisation admins.
    public func requireManager(of programme: Programme, _ doing: String) throws(AccessDenied) {
        guard manages(programme.id) else {
            throw AccessDenied("\(doing.capitalisedFirst) needs the programme manager role for \(named(programme)) (or organisation admin).")
        }
    }

    /// True when the principal may see the programme: they manage it or take part in one of its cycles.
    public func sees(_ programme: Programme.ID) -> Bool {
        manages(programme) || enrolments.contains { $0.programmeID == programme }
    }

    /// Refuses those who neither manage nor take part in the programme.
    public func requireSight(of programme: Programme) throws(AccessDenied) {
        guard sees(programme.id) else {
            throw AccessDenied("Seeing this programme needs a role in it: programme manager, mentor or mentee.")
        }
    }

    /// True when the principal is this person.
    public func isPerson(_ id: Person.ID) -> Bool { person?.id == id }

    /// A person's record: the person themselves, or an admin.
    public func requireSight(of person: Person) throws(AccessDenied) {
        guard isAdmin || isPerson(person.id) else {
            throw AccessDenied("Seeing another person's record needs the organisation admin role.")
        }
    }

    /// An enrolment, to see or change: its own person, the programme's managers, or an admin.
    public func requireAccess(to enrolment: Enrolment, in programme: Programme, _ doing: String) throws(AccessDenied) {
        guard manages(programme.id) || isPerson(enrolment.personID) else {
            throw AccessDenied("\(doing.capitalisedFirst) needs the programme manager role for \(named(programme)).")
        }
    }

    /// The programme in a message: by name to those who may see it, otherwise "its programme",
    /// so that a refusal never tells an outsider what exists.
    func named(_ programme: Programme) -> String {
        sees(programme.id) ? "'\(programme.name)'" : "its programme"
    }

    /// A token of read scope may only read.
    public func requireWriteScope() throws(AccessDenied) {
        if scope == .read { throw AccessDenied("This API token has the read scope; changes need a token with the write scope.") }
    }
}

extension String {
    /// The text with its first letter capitalised, to begin a sentence.
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
