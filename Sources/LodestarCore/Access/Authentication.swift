import Foundation

/// Signing in and out, sessions and API tokens: the use cases behind the sign-in page, the
/// session cookie and `Authorization: Bearer`.
public struct Authentication: Sendable {
    let store: any LodestarRepositories
    let credentials: any Credentials
    let sessions: SessionPolicy
    let throttle: SignInThrottle
    /// A hash of no one's password: a sign-in for an email without an account (or without a
    /// password yet) is checked against it, so it takes as long as a real one and the time
    /// taken can't tell who has an account.
    let absentAccountHash: String
    /// Where the server keeps the principals of sessions while nothing changes (none: read each time).
    let reads: ReadCache?

    /// Creates the use cases.
    public init(store: any LodestarRepositories, credentials: any Credentials, sessions: SessionPolicy = .init(), throttle: SignInThrottle = .init(),
                reads: ReadCache? = nil) {
        self.store = store
        self.credentials = credentials
        self.sessions = sessions
        self.throttle = throttle
        self.reads = reads
        absentAccountHash = credentials.hash(password: credentials.newToken())
    }

    /// A new session for the account with this email and password. `address` is the client's;
    /// failures are counted for both, and `pause` is how a slowed attempt waits.
    public func signIn(email: String, password: String, address: String, now: Date,
                       pause: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) async throws -> (token: String, session: SignInSession) {
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        // The failures counted so far for the account and for the address; a count starts afresh
        // once its window has passed (a lock always ends after the window).
        var counts: [SignInFailures] = []
        for key in ["account:" + email, "address:" + address] {
            let stored = try await store.signInFailures(key: key)
            if let until = stored?.lockedUntil, until > now { throw SignInRefused.locked(until: until) }
            if let stored, now.timeIntervalSince(stored.firstAt) <= throttle.window {
                counts.append(stored)
            } else {
                counts.append(SignInFailures(key: key, count: 0, firstAt: now, lockedUntil: nil))
            }
        }
        if counts.contains(where: { $0.count >= throttle.slowAfter }) { try await pause(throttle.delay) }
        let account = try await store.account(email: email)
        let matches = credentials.verify(password: password, against: account?.passwordHash ?? absentAccountHash)
        guard let account, account.passwordHash != nil, matches else {
            for var count in counts {
                count.count += 1
                if count.count >= throttle.lockAfter { count.lockedUntil = now.addingTimeInterval(throttle.lockFor) }
                try await store.save(count)
            }
            throw SignInRefused.wrongCredentials
        }
        try await store.clearSignInFailures(key: counts[0].key)
        let token = credentials.newToken()
        let session = SignInSession(tokenDigest: credentials.digest(token: token), accountID: account.id, csrfToken: credentials.newToken(),
                                    createdAt: now, expiresAt: now.addingTimeInterval(sessions.idleLifetime))
        try await store.save(session)
        return (token, session)
    }

    /// The principal behind a session cookie, or nil when the session is unknown or expired. Using a
    /// session extends it (at most to its absolute lifetime).
    ///
    /// With a read cache, a session's principal is read from the store once per data revision:
    /// any change of role, and the end of any session, is a new revision, so the next request
    /// after it reads afresh, on every app server.
    /// `revision`, when given, is the data revision the request read as it began.
    public func session(token: String, now: Date, revision: Int64? = nil) async throws -> (principal: Principal, session: SignInSession)? {
        let digest = credentials.digest(token: token)
        guard let reads else { return try await storedSession(digest: digest, now: now) }
        let kept: (principal: Principal, session: SignInSession)
        do {
            kept = try await reads.value("session", of: digest, for: nil, at: nil, revision: revision) {
                guard let found = try await storedSession(digest: digest, now: now) else { throw NoSession() }
                return found
            }
        } catch is NoSession {
            return nil
        }
        // Expired, or due to be extended: the stored session decides, and is kept so.
        guard kept.session.expiresAt > now, extended(kept.session, now: now).timeIntervalSince(kept.session.expiresAt) <= 60 else {
            // A session that ended moved the revision on, so what was kept of it is never served again.
            guard let found = try await storedSession(digest: digest, now: now) else { return nil }
            try await reads.replace("session", of: digest, for: nil, at: nil, revision: revision, with: found)
            return found
        }
        return kept
    }

    private struct NoSession: Error {}

    /// When a session used at `now` expires: its idle lifetime on, at most its absolute lifetime.
    private func extended(_ session: SignInSession, now: Date) -> Date {
        min(now.addingTimeInterval(sessions.idleLifetime), session.createdAt.addingTimeInterval(sessions.absoluteLifetime))
    }

    private func storedSession(digest: String, now: Date) async throws -> (principal: Principal, session: SignInSession)? {
        guard let (stored, holder) = try await store.sessionHolder(digest: digest) else { return nil }
        var session = stored
        guard session.expiresAt > now else {
            try await store.deleteSession(digest: digest)
            return nil
        }
        let extended = extended(session, now: now)
        // Written back only when it moves by more than a minute, so reads stay reads.
        if extended.timeIntervalSince(session.expiresAt) > 60 {
            session.expiresAt = extended
            try await store.save(session)
        }
        return (try await principal(for: holder), session)
    }

    /// Ends a session.
    public func signOut(token: String) async throws {
        try await store.deleteSession(digest: credentials.digest(token: token))
    }

    /// The principal behind an API token, or nil when it is unknown or revoked.
    public func principal(apiToken token: String) async throws -> Principal? {
        guard let (record, holder) = try await store.tokenHolder(digest: credentials.digest(token: token)), record.revokedAt == nil,
              holder.account.isAdmin else { return nil }
        return try await principal(for: holder).through(record.scope)
    }

    /// Everything the access rules need about an account.
    public func principal(for account: Account) async throws -> Principal {
        guard let holder = try await store.holder(of: account.id) else { throw NotFound("account", account.id) }
        return try await principal(for: holder)
    }

    /// The principal of a holder: its person's enrolments are the second and last query.
    private func principal(for holder: AccountHolder) async throws -> Principal {
        let enrolments = try await holder.person.asyncFlatMap { try await store.participations(of: $0.id) } ?? []
        return Principal(account: holder.account, person: holder.person, managedProgrammes: holder.managedProgrammes, enrolments: enrolments,
                         unreadMessages: holder.unreadMessages)
    }

    /// Creates an organisation admin, or makes the existing account with that email one and sets its password.
    public func createAdmin(email: String, password: String, now: Date) async throws -> Account {
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        var issues: [FieldIssue] = []
        if !email.contains("@") { issues.append(FieldIssue(field: "email", message: "'\(email)' is not an email address")) }
        if password.count < 10 { issues.append(FieldIssue(field: "password", message: "must be at least 10 characters")) }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let person = try await store.person(email: email)
        var account = try await store.account(email: email)
            ?? Account(email: email, personID: person?.id, passwordHash: nil, isAdmin: true, createdAt: now)
        account.isAdmin = true
        account.passwordHash = credentials.hash(password: password)
        try await store.inTransaction { [account] store in
            try await store.save(account)
            try await store.deleteSessions(of: account.id)
            try await store.voidOneTimeLinks(of: account.id, now: now)
        }
        return account
    }

    /// Creates an API token; the token itself is returned once and never stored.
    public func createToken(name: String, scope: ApiToken.Scope, by principal: Principal, now: Date) async throws -> (token: String, record: ApiToken) {
        try principal.requireAdmin("creating API tokens")
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ValidationError([FieldIssue(field: "name", message: "give the token a name that says what uses it")]) }
        if let issue = SingleLineText.issue(name, field: "name") { throw ValidationError([issue]) }
        let token = "lsk_" + credentials.newToken()
        let record = ApiToken(name: name, digest: credentials.digest(token: token), scope: scope, createdBy: principal.account.id, createdAt: now)
        try await store.save(record)
        return (token, record)
    }

    /// Every API token, active and revoked (the tokens themselves are never stored).
    public func tokens(for principal: Principal) async throws -> [ApiToken] {
        try principal.requireAdmin("managing API tokens")
        return try await store.apiTokens()
    }

    /// Revokes a token; it stops working at once.
    public func revokeToken(_ id: ApiToken.ID, by principal: Principal, now: Date) async throws {
        try principal.requireAdmin("revoking API tokens")
        guard var record = try await store.apiToken(id) else { throw NotFound("API token", id) }
        guard record.revokedAt == nil else { return }
        record.revokedAt = now
        try await store.save(record)
    }
}

extension Optional {
    /// `flatMap` with an asynchronous transform.
    public func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
