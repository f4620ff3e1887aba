/// An account with what the access rules need about it: the person behind it and the
/// programmes it manages.
public struct AccountHolder: Sendable {
    public let account: Account
    public let person: Person?
    public let managedProgrammes: Set<Programme.ID>
    /// How many messages in their inbox they have not opened.
    public let unreadMessages: Int

    /// Creates the holder.
    public init(account: Account, person: Person?, managedProgrammes: Set<Programme.ID>, unreadMessages: Int = 0) {
        self.account = account
        self.person = person
        self.managedProgrammes = managedProgrammes
        self.unreadMessages = unreadMessages
    }
}

/// A person's enrolment with the programme of its cycle.
public typealias Participation = (enrolment: Enrolment, programmeID: Programme.ID)

/// What finding out who is asking reads, on every request: the credential with its holder in one
/// query, and the holder's enrolments in a second. Nothing is cached, so a change of role counts
/// on the very next request, whichever app server answers it.
public protocol PrincipalReading: Sendable {
    /// The session with this digest and its account's holder, read together.
    func sessionHolder(digest: String) async throws -> (session: SignInSession, holder: AccountHolder)?
    /// The API token with this digest and the holder of the account that created it, read together.
    func tokenHolder(digest: String) async throws -> (token: ApiToken, holder: AccountHolder)?
    /// The holder of an account.
    func holder(of account: Account.ID) async throws -> AccountHolder?
    /// A person's enrolments, each with its cycle's programme, in one query.
    func participations(of person: Person.ID) async throws -> [Participation]
    /// The cycles a person is enrolled in, each with its programme, in one query.
    func cyclesWithProgrammes(of person: Person.ID) async throws -> [(cycle: Cycle, programme: Programme)]
}
