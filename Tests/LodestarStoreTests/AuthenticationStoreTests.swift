import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Signing in, sessions and API tokens")
struct AuthenticationStoreTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// An admin account with a known password, and the use case with sleeps recorded instead of slept.
    static func setUp(_ store: FluentStore, pauses: PauseLog = PauseLog()) async throws -> (Authentication, Account) {
        let authentication = Authentication(store: store, credentials: TestAccounts.credentials)
        let account = try await authentication.createAdmin(email: "Chief@Example.org", password: "correct horse battery", now: start)
        return (authentication, account)
    }

    @Test("signs in with the right password; the session cookie finds the principal; signing out ends it", arguments: TestDatabase.allCases)
    func signIn(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (authentication, account) = try await Self.setUp(store)
            let (token, session) = try await authentication.signIn(email: " chief@example.ORG ", password: "correct horse battery", address: "10.0.0.1", now: Self.start)
            #expect(session.accountID == account.id && session.tokenDigest != token, "only the digest is stored")
            let found = try #require(try await authentication.session(token: token, now: Self.start.addingTimeInterval(60)))
            #expect(found.principal.account.email == "chief@example.org" && found.principal.isAdmin)
            try await authentication.signOut(token: token)
            #expect(try await authentication.session(token: token, now: Self.start.addingTimeInterval(120)) == nil)
            await #expect(throws: SignInRefused.wrongCredentials) {
                try await authentication.signIn(email: "chief@example.org", password: "Correct horse battery", address: "10.0.0.1", now: Self.start)
            }
            await #expect(throws: SignInRefused.wrongCredentials) {
                try await authentication.signIn(email: "nobody@example.org", password: "correct horse battery", address: "10.0.0.1", now: Self.start)
            }
        }
    }

    @Test("sessions end after eight idle hours and seven days at most, however busy", arguments: TestDatabase.allCases)
    func sessionsExpire(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (authentication, _) = try await Self.setUp(store)
            let (idle, _) = try await authentication.signIn(email: "chief@example.org", password: "correct horse battery", address: "a", now: Self.start)
            #expect(try await authentication.session(token: idle, now: Self.start.addingTimeInterval(7 * 3600)) != nil)
            #expect(try await authentication.session(token: idle, now: Self.start.addingTimeInterval(7 * 3600 + 8 * 3600 + 1)) == nil)
            let (busy, _) = try await authentication.signIn(email: "chief@example.org", password: "correct horse battery", address: "a", now: Self.start)
            // Used every six hours, it lives on until the seventh day, then ends however busy.
            for use in 1..<(7 * 24 / 6) {
                let alive = try await authentication.session(token: busy, now: Self.start.addingTimeInterval(Double(use) * 6 * 3600)) != nil
                #expect(alive, "use \(use) after \(use * 6) hours")
            }
            #expect(try await authentication.session(token: busy, now: Self.start.addingTimeInterval(7 * 86400 + 1)) == nil)
        }
    }

    @Test("failed sign-ins are slowed after five and refused after ten, per account and per address", arguments: TestDatabase.allCases)
    func throttling(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (authentication, _) = try await Self.setUp(store)
            let pauses = PauseLog()
            func attempt(_ password: String, email: String = "chief@example.org", address: String = "10.0.0.9", at minute: Double) async throws {
                _ = try await authentication.signIn(email: email, password: password, address: address, now: Self.start.addingTimeInterval(minute * 60),
                                                    pause: { await pauses.record($0) })
            }
            for minute in 0..<5 { await #expect(throws: SignInRefused.wrongCredentials) { try await attempt("guess", at: Double(minute)) } }
            #expect(await pauses.count == 0, "five failures are not slowed")
            for minute in 5..<10 { await #expect(throws: SignInRefused.wrongCredentials) { try await attempt("guess", at: Double(minute)) } }
            #expect(await pauses.count == 5, "the sixth to tenth attempts wait")
            let lockedUntil = Self.start.addingTimeInterval(9 * 60 + 900)
            await #expect(throws: SignInRefused.locked(until: lockedUntil), "even the right password is refused while locked") {
                try await attempt("correct horse battery", address: "10.0.0.10", at: 10)
            }
            // The address is locked too: another account from it is refused.
            _ = try await authentication.createAdmin(email: "deputy@example.org", password: "another good one", now: Self.start)
            await #expect(throws: SignInRefused.locked(until: lockedUntil)) {
                try await attempt("another good one", email: "deputy@example.org", at: 11)
            }
            let message = SignInRefused.locked(until: lockedUntil).description
            #expect(message.contains("Too many failed sign-ins") && message.contains("reset your password"))
            try await attempt("correct horse battery", address: "10.0.0.10", at: 25)
        }
    }

    @Test("API tokens: shown once, stored as a digest, scoped, and dead once revoked", arguments: TestDatabase.allCases)
    func apiTokens(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (authentication, admin) = try await Self.setUp(store)
            let principal = try await authentication.principal(for: admin)
            let (token, record) = try await authentication.createToken(name: "HR sync", scope: .read, by: principal, now: Self.start)
            #expect(record.digest != token && token.hasPrefix("lsk_"))
            let acting = try #require(try await authentication.principal(apiToken: token))
            #expect(acting.scope == .read && acting.isAdmin)
            #expect(throws: AccessDenied.self) { try acting.requireWriteScope() }
            try await authentication.revokeToken(record.id, by: principal, now: Self.start)
            #expect(try await authentication.principal(apiToken: token) == nil)
            #expect(try await authentication.principal(apiToken: "lsk_made-up") == nil)
            await #expect(throws: ValidationError.self) { try await authentication.createToken(name: " ", scope: .write, by: principal, now: Self.start) }
            let outsider = Account(email: "x@example.org", personID: nil, passwordHash: nil, isAdmin: false, createdAt: Self.start)
            try await store.save(outsider)
            await #expect(throws: AccessDenied.self) {
                try await authentication.createToken(name: "mine", scope: .write, by: try await authentication.principal(for: outsider), now: Self.start)
            }
        }
    }

    @Test("create-admin refuses a short password and a non-address, and promotes an existing account", arguments: TestDatabase.allCases)
    func createAdmin(database: TestDatabase) async throws {
        try await database.withStore { store in
            let authentication = Authentication(store: store, credentials: TestAccounts.credentials)
            do {
                _ = try await authentication.createAdmin(email: "not-an-address", password: "short", now: Self.start)
                Issue.record("accepted bad input")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["email", "password"])
            }
            let member = Account(email: "lead@example.org", personID: nil, passwordHash: nil, isAdmin: false, createdAt: Self.start)
            try await store.save(member)
            let promoted = try await authentication.createAdmin(email: "lead@example.org", password: "long enough now", now: Self.start)
            #expect(promoted.id == member.id && promoted.isAdmin)
            #expect(try await store.accounts().count == 1)
        }
    }
}

/// Records the waits a throttled sign-in asks for.
actor PauseLog {
    private(set) var count = 0
    func record(_ duration: Duration) { count += 1 }
}
