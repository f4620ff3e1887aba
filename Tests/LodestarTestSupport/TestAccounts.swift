import Foundation
import LodestarCore
import LodestarServer
import LodestarStore

/// Accounts the HTTP tests act as: an organisation admin with a write token and a signed-in
/// browser session, created straight in the store.
public enum TestAccounts {
    public static let credentials = BcryptCredentials(cost: 4)
    public static let adminEmail = "admin@tests.example"
    public static let adminToken = "test-admin-token"
    public static let adminSession = "test-admin-session"
    public static let csrf = "test-csrf"

    /// Creates the admin, its write-scope token and its session.
    @discardableResult
    public static func seedAdmin(in store: any LodestarRepositories, now: Date = Date()) async throws -> Account {
        let admin = Account(email: adminEmail, personID: nil, passwordHash: credentials.hash(password: "admin-password-1"), isAdmin: true, createdAt: now)
        try await store.save(admin)
        try await store.save(ApiToken(name: "tests", digest: credentials.digest(token: adminToken), scope: .write, createdBy: admin.id, createdAt: now))
        try await signIn(admin, session: adminSession, csrf: csrf, in: store, now: now)
        return admin
    }

    /// A session for `account` whose cookie value is `session`.
    public static func signIn(_ account: Account, session: String, csrf: String, in store: any LodestarRepositories, now: Date = Date()) async throws {
        try await store.save(SignInSession(tokenDigest: credentials.digest(token: session), accountID: account.id, csrfToken: csrf,
                                           createdAt: now, expiresAt: now.addingTimeInterval(3600)))
    }
}
