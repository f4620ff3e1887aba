import Foundation

/// Who is asking, with everything the access rules look at: the account, the person behind it,
/// the programmes they manage and the cycles they take part in. An API token acts as the admin
/// who created it, within the token's scope.
public struct Principal: Sendable {
    public let account: Account
    public let person: Person?
    public let managedProgrammes: Set<Programme.ID>
    /// Their own enrolments, with the programme of each.
    public let enrolments: [Participation]
    /// Set when the request came with an API token.
    public let scope: ApiToken.Scope?
    /// How many messages in their inbox are unread, for the navigation's count.
    public let unreadMessages: Int

    /// Creates an principal.
    public init(account: Account, person: Person?, managedProgrammes: Set<Programme.ID>,
                enrolments: [Participation], scope: ApiToken.Scope? = nil, unreadMessages: Int = 0) {
        self.account = account
        self.person = person
        self.managedProgrammes = managedProgrammes
        self.enrolments = enrolments
        self.scope = scope
        self.unreadMessages = unreadMessages
    }

    /// The same principal with another count of unread messages (one was just opened).
    public func with(unreadMessages count: Int) -> Principal {
        Principal(account: account, person: person, managedProgrammes: managedProgrammes, enrolments: enrolments, scope: scope, unreadMessages: max(0, count))
    }

    /// The emails their messages are sent to: the account's and their person's, in lower case.
    public var mailboxes: Set<String> {
        Set([account.email.lowercased()] + (person.map { [$0.email.lowercased()] } ?? []))
    }

    /// Whoever runs the command-line tool: shell access to the server and its database already
    /// gives everything an organisation admin has, so the commands act as one.
    public static let commandLine = Principal(
        account: Account(id: Account.ID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))), email: "command-line",
                         personID: nil, passwordHash: nil, isAdmin: true, createdAt: Date(timeIntervalSince1970: 0)),
        person: nil, managedProgrammes: [], enrolments: [])

    /// The same principal acting through a token of `scope`.
    public func through(_ scope: ApiToken.Scope) -> Principal {
        Principal(account: account, person: person, managedProgrammes: managedProgrammes, enrolments: enrolments, scope: scope, unreadMessages: unreadMessages)
    }

    /// The home page this principal lands on: the broadest role they hold.
    public var home: Home {
        if account.isAdmin { return .admin }
        if !managedProgrammes.isEmpty { return .manager }
        return .participant
    }

    /// The kinds of home page.
    public enum Home: String, Sendable {
        case admin, manager, participant
    }

    /// The roles held, in words, for the navigation and for error messages.
    public var roleNames: [String] {
        var names: [String] = []
        if account.isAdmin { names.append("organisation admin") }
        if !managedProgrammes.isEmpty { names.append("programme manager") }
        if enrolments.contains(where: { $0.enrolment.role == .mentor }) { names.append("mentor") }
        if enrolments.contains(where: { $0.enrolment.role == .mentee }) { names.append("mentee") }
        return names
    }

    /// What they are called on pages.
    public var displayName: String { person?.name ?? account.email }
}
