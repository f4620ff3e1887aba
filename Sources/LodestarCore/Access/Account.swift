import Foundation

/// Someone who can sign in. Most accounts belong to a person of the directory; an organisation
/// admin may have none. Roles other than admin come from what the person does: managing a
/// programme, or being enrolled in a cycle as mentor or mentee.
public struct Account: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Account>

    public var id: ID
    /// Lower-cased; what the person signs in with.
    public var email: String
    public var personID: Person.ID?
    /// The bcrypt hash of the password; nil until the invitation is accepted.
    public var passwordHash: String?
    public var isAdmin: Bool
    public var createdAt: Date

    /// Creates an account.
    public init(id: ID = ID(), email: String, personID: Person.ID?, passwordHash: String?, isAdmin: Bool, createdAt: Date) {
        self.id = id
        self.email = email.lowercased()
        self.personID = personID
        self.passwordHash = passwordHash
        self.isAdmin = isAdmin
        self.createdAt = createdAt
    }
}

/// A signed-in browser: the cookie holds a random token, the database only its digest.
public struct SignInSession: Sendable, Equatable {
    public var tokenDigest: String
    public var accountID: Account.ID
    /// Every state-changing form carries this value back.
    public var csrfToken: String
    public var createdAt: Date
    /// Extended on use, up to `SessionPolicy.absoluteLifetime` after creation.
    public var expiresAt: Date

    /// Creates a session record.
    public init(tokenDigest: String, accountID: Account.ID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenDigest = tokenDigest
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// How long sessions last.
public struct SessionPolicy: Sendable {
    /// A session unused for this long ends.
    public var idleLifetime: TimeInterval
    /// No session lasts longer than this, used or not.
    public var absoluteLifetime: TimeInterval

    /// Eight idle hours, at most seven days.
    public init(idleLifetime: TimeInterval = 8 * 3600, absoluteLifetime: TimeInterval = 7 * 86400) {
        self.idleLifetime = idleLifetime
        self.absoluteLifetime = absoluteLifetime
    }
}
