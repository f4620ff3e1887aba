import Foundation

/// Accounts, sessions, API tokens, programme managers and counted sign-in failures.
public protocol AccountRepository: Sendable {
    func account(_ id: Account.ID) async throws -> Account?
    func account(email: String) async throws -> Account?
    /// The account that signs in as this person, if any.
    func account(person: Person.ID) async throws -> Account?
    /// Every account, by email.
    func accounts() async throws -> [Account]
    /// Inserts or updates one account.
    func save(_ account: Account) async throws
    /// The programmes an account manages.
    func managedProgrammes(of account: Account.ID) async throws -> Set<Programme.ID>
    /// Makes an account a manager of a programme (nothing happens if it already is); false when it already was.
    @discardableResult
    func appoint(_ account: Account.ID, toManage programme: Programme.ID, appointed: Attribution?) async throws -> Bool
    /// A programme's managers, by email, with who appointed them and when.
    func managers(of programme: Programme.ID) async throws -> [ProgrammeManager]
    /// Ends an account's appointment as a programme's manager; false when it had none.
    func dismiss(_ account: Account.ID, fromManaging programme: Programme.ID) async throws -> Bool
    /// Inserts or updates one session.
    func save(_ session: SignInSession) async throws
    func session(digest: String) async throws -> SignInSession?
    func deleteSession(digest: String) async throws
    /// Ends every session of an account (its password changed).
    func deleteSessions(of account: Account.ID) async throws
    /// Inserts or updates one API token.
    func save(_ token: ApiToken) async throws
    /// Every API token, newest first.
    func apiTokens() async throws -> [ApiToken]
    func apiToken(_ id: ApiToken.ID) async throws -> ApiToken?
    func apiToken(digest: String) async throws -> ApiToken?
    func signInFailures(key: String) async throws -> SignInFailures?
    /// Inserts or updates one failure count.
    func save(_ failures: SignInFailures) async throws
    func clearSignInFailures(key: String) async throws
}

/// The record of administrative changes: managers appointed and removed, conflicts declared and withdrawn.
public protocol AdministrativeRecord: Sendable {
    func record(_ change: AdministrativeChange) async throws
    /// The newest changes first: of one programme, or the organisation's (`programme` nil), of these kinds.
    func changes(programme: Programme.ID?, kinds: Set<AdministrativeChange.Kind>, page: PageRequest) async throws -> Page<AdministrativeChange>
}
