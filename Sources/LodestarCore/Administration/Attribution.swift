import Foundation

/// Who made a change and when: the name and email of the account that acted (or "command line"),
/// kept as written at the time, so the record outlives a renamed or removed account.
public struct Attribution: Sendable, Equatable, Codable {
    public let by: String
    public let at: Date

    /// Creates an attribution.
    public init(by: String, at: Date) {
        self.by = by
        self.at = at
    }

    /// The principal acting at `now`.
    public init(_ principal: Principal, at now: Date) {
        let name = principal.displayName
        by = name == principal.account.email ? name : "\(name) <\(principal.account.email)>"
        at = now
    }
}

/// A change to who runs a programme, who may be paired or when a programme counts as ready, kept for audit: what changed, about
/// whom, by whom and when. The record is written in the same transaction as the change.
public struct AdministrativeChange: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<AdministrativeChange>

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case managerAppointed = "manager.appointed"
        case managerRemoved = "manager.removed"
        case conflictDeclared = "conflict.declared"
        case conflictWithdrawn = "conflict.withdrawn"
        case readinessThresholdChanged = "readiness.threshold"
        case readinessOverridden = "readiness.overridden"
        case programmeArchived = "programme.archived"
        case programmeRestored = "programme.restored"
        case highPotentialFlagged = "high-potential.flagged"
        case highPotentialUnflagged = "high-potential.unflagged"

        /// In a sentence: "appointed programme manager".
        public var words: String {
            switch self {
            case .managerAppointed: "appointed programme manager"
            case .managerRemoved: "removed as programme manager"
            case .conflictDeclared: "conflict of interest declared"
            case .conflictWithdrawn: "conflict of interest withdrawn"
            case .readinessThresholdChanged: "readiness threshold changed"
            case .readinessOverridden: "opened below the readiness threshold"
            case .programmeArchived: "programme archived"
            case .programmeRestored: "programme restored"
            case .highPotentialFlagged: "flagged as a high potential"
            case .highPotentialUnflagged: "high-potential flag removed"
            }
        }
    }

    public let id: ID
    public let kind: Kind
    /// The programme it concerns; nil for the organisation's conflicts of interest.
    public let programme: Programme.ID?
    /// Whom it concerns, in words ("Grace Hopper <grace@example.org>", "E0176 and E0162").
    public let subject: String
    public let attribution: Attribution

    /// Creates a record.
    public init(id: ID = ID(), _ kind: Kind, programme: Programme.ID?, subject: String, attribution: Attribution) {
        self.id = id
        self.kind = kind
        self.programme = programme
        self.subject = subject
        self.attribution = attribution
    }
}

/// A manager of a programme, as its page lists them.
public struct ProgrammeManager: Sendable, Equatable {
    public let account: Account.ID
    public let email: String
    /// The directory's name of the person behind the account, if it is linked to one.
    public let name: String?
    /// Nil for appointments made before they were recorded.
    public let appointed: Attribution?
    /// False while the account has no password yet (an invitation is pending).
    public let canSignIn: Bool

    /// Creates a listing.
    public init(account: Account.ID, email: String, name: String?, appointed: Attribution?, canSignIn: Bool) {
        self.account = account
        self.email = email
        self.name = name
        self.appointed = appointed
        self.canSignIn = canSignIn
    }

    /// "Grace Hopper <grace@example.org>", or the email alone.
    public var described: String { name.map { "\($0) <\(email)>" } ?? email }
}

extension Attribution {
    /// The attribution stored in two columns, when both hold a value.
    public init?(by: String?, at: Date?) {
        guard let by, let at else { return nil }
        self.init(by: by, at: at)
    }
}
