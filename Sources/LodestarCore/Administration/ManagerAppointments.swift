import Foundation

/// Use cases of a programme's managers: organisation admins appoint and remove them; the
/// programme's managers and admins see who they are and the record of who changed that, when.
/// A change counts from the very next request (the principal is read on each one).
public struct ManagerAppointments: Sendable {
    let store: any LodestarRepositories
    let principal: Principal
    /// Sends the sign-in link to someone of the directory appointed before they have an account.
    let invitations: AccountLinks?

    /// Creates the use cases over a store, acting for `principal`; without `invitations` only
    /// people who already have an account can be appointed.
    public init(store: any LodestarRepositories, principal: Principal, invitations: AccountLinks? = nil) {
        self.store = store
        self.principal = principal
        self.invitations = invitations
    }

    /// What appointing did: the appointment, and whether an invitation to sign in went out.
    public struct Appointment: Sendable {
        public let manager: ProgrammeManager
        public let invited: Bool
    }

    /// The programme's managers, for its managers and admins.
    public func managers(of programmeID: Programme.ID) async throws -> [ProgrammeManager] {
        try await store.managers(of: try await store.programme(programmeID, managedBy: principal, "seeing a programme's managers").id)
    }

    /// The record of who runs the programme: its managers' appointments and removals, its
    /// archiving and restoring; newest first.
    public func history(of programmeID: Programme.ID, page: PageRequest = .first) async throws -> Page<AdministrativeChange> {
        let programme = try await store.programme(programmeID, managedBy: principal, "seeing who changed a programme's managers")
        return try await store.changes(programme: programme.id, kinds: Self.recorded, page: page)
    }

    /// Appoints whoever signs in with `email`. Someone of the people directory without an account
    /// gets one, and an invitation to choose a password.
    public func appoint(email: String, toManage programmeID: Programme.ID, now: Date) async throws -> Appointment {
        try principal.requireAdmin("appointing programme managers")
        guard try await store.programme(programmeID) != nil else { throw NotFound("programme", programmeID) }
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        let existing = try await store.account(email: email)
        let account: Account
        if let existing { account = existing } else { account = try await invite(email, now: now) }
        let attribution = Attribution(principal, at: now)
        let manager = try await store.inTransaction { store -> ProgrammeManager? in
            guard try await store.appoint(account.id, toManage: programmeID, appointed: attribution),
                  let manager = try await store.managers(of: programmeID).first(where: { $0.account == account.id }) else { return nil }
            try await store.record(AdministrativeChange(.managerAppointed, programme: programmeID, subject: manager.described, attribution: attribution))
            return manager
        }
        guard let manager else { throw ValidationError([FieldIssue(field: "email", message: "\(email) already manages this programme")]) }
        return Appointment(manager: manager, invited: existing == nil)
    }

    /// An account for someone of the people directory, with an invitation to choose a password.
    private func invite(_ email: String, now: Date) async throws -> Account {
        guard try await store.person(email: email) != nil else {
            throw ValidationError([FieldIssue(field: "email", message: "no account and no one in the people directory has the email '\(email)'; check it, or import the person first")])
        }
        guard let invitations else {
            throw ValidationError([FieldIssue(field: "email", message: "\(email) has no account yet, and an invitation needs the site's public address (LODESTAR_PUBLIC_URL) for its link")])
        }
        return try await invitations.invite(email: email, by: principal, now: now)
    }

    /// Ends an appointment; the account loses the programme on its next request.
    public func remove(_ accountID: Account.ID, from programmeID: Programme.ID, now: Date) async throws {
        try principal.requireAdmin("removing programme managers")
        guard try await store.programme(programmeID) != nil else { throw NotFound("programme", programmeID) }
        guard let manager = try await store.managers(of: programmeID).first(where: { $0.account == accountID }) else {
            throw NotFound("programme manager", accountID)
        }
        try await store.inTransaction { [principal] store in
            guard try await store.dismiss(accountID, fromManaging: programmeID) else { throw NotFound("programme manager", accountID) }
            try await store.record(AdministrativeChange(.managerRemoved, programme: programmeID, subject: manager.described,
                                                        attribution: Attribution(principal, at: now)))
        }
    }

    /// What the programme's record holds.
    public static let recorded: Set<AdministrativeChange.Kind> = [.managerAppointed, .managerRemoved, .programmeArchived, .programmeRestored]
}
