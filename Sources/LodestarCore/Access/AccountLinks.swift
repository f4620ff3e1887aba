import Foundation

/// Invitations and password resets: a one-time link goes out through the outbox; following it
/// sets the password.
public struct AccountLinks: Sendable {
    let store: any LodestarRepositories
    let credentials: any Credentials
    /// The site's public address, for the links in the messages ("https://mentoring.example.org").
    let publicURL: String

    /// Creates the use cases.
    public init(store: any LodestarRepositories, credentials: any Credentials, publicURL: String) {
        self.store = store
        self.credentials = credentials
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    /// Invites a person of the directory (or anyone, by email) to sign in: creates the account
    /// if needed and sends a link to set a password. Admins only.
    public func invite(email: String, by principal: Principal, now: Date) async throws -> Account {
        try principal.requireAdmin("inviting people to sign in")
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        guard email.contains("@"), !email.contains(" ") else { throw ValidationError([FieldIssue(field: "email", message: "'\(email)' is not an email address")]) }
        let person = try await store.person(email: email)
        let existing = try await store.account(email: email)
        // An invitation sets a first password, never a new one: otherwise whoever invites could
        // take over an account (and read its private notes) by choosing its password.
        if existing?.passwordHash != nil {
            throw ValidationError([FieldIssue(field: "email", message: "\(email) has signed in before; they can choose a new password with 'Forgotten password'")])
        }
        if let person, let other = try await store.account(person: person.id), other.id != existing?.id {
            throw ValidationError([FieldIssue(field: "email", message: "\(person.name) already has an account under \(other.email); one person signs in with one account")])
        }
        var account = existing ?? Account(email: email, personID: person?.id, passwordHash: nil, isAdmin: false, createdAt: now)
        if account.personID == nil { account.personID = person?.id }
        let link = try await issue(.invitation, for: account, now: now)
        try await store.inTransaction { [account] store in
            try await store.save(account)
            try await store.save(link.record)
            try await store.save(NoticeWriter(now: now).invitation(to: email, person: person, from: principal.displayName, link: Self.linkAddress(publicURL, link.token)))
        }
        return account
    }

    /// What a person of the directory who never signed in needs to start: their account (made
    /// if they have none) and a one-time link to choose a password, in a message of its own —
    /// about no programme, so that only its recipient reads the link. Nil for someone who has
    /// signed in before. The caller saves the three with its own change.
    func firstSignIn(for person: Person, invitedBy inviter: String, now: Date) async throws -> (account: Account, link: OneTimeLink, notice: Notice)? {
        let byPerson = try await store.account(person: person.id)
        let existing = byPerson == nil ? try await store.account(email: person.email.lowercased()) : byPerson
        var account = existing ?? Account(email: person.email.lowercased(), personID: person.id, passwordHash: nil, isAdmin: false, createdAt: now)
        guard account.passwordHash == nil else { return nil }
        if account.personID == nil { account.personID = person.id }
        let link = try await issue(.invitation, for: account, now: now)
        return (account, link.record, NoticeWriter(now: now).invitation(to: account.email, person: person, from: inviter, link: Self.linkAddress(publicURL, link.token)))
    }

    /// Sends a reset link when an account has this email; says nothing either way, so the
    /// answer can't be used to find out who has an account.
    public func requestReset(email: String, now: Date) async throws {
        guard let account = try await store.account(email: email.lowercased().trimmingCharacters(in: .whitespaces)) else { return }
        let link = try await issue(.passwordReset, for: account, now: now)
        try await store.inTransaction { store in
            try await store.save(link.record)
            try await store.save(NoticeWriter(now: now).passwordReset(to: account.email, link: Self.linkAddress(publicURL, link.token)))
        }
    }

    /// Checks a link without using it (to show the form or the reason it can't be used).
    public func check(token: String, now: Date) async throws -> OneTimeLink {
        guard let link = try await store.oneTimeLink(digest: credentials.digest(token: token)) else { throw LinkRefused.unknown }
        if link.usedAt != nil { throw LinkRefused.used }
        if link.expiresAt <= now { throw LinkRefused.expired }
        return link
    }

    /// Sets the password through a link and uses the link up. Using it is one conditional write,
    /// so of two requests with one link exactly one succeeds (the other is told it was used);
    /// every session of the account ends and its other open links stop working.
    public func setPassword(token: String, password: String, now: Date) async throws -> Account {
        let link = try await check(token: token, now: now)
        guard password.count >= 10 else { throw ValidationError([FieldIssue(field: "password", message: "must be at least 10 characters")]) }
        guard var account = try await store.account(link.accountID) else { throw LinkRefused.unknown }
        account.passwordHash = credentials.hash(password: password)
        try await store.inTransaction { [account] store in
            guard try await store.useOneTimeLink(digest: link.digest, now: now) else { throw LinkRefused.used }
            try await store.save(account)
            try await store.deleteSessions(of: account.id)
            try await store.voidOneTimeLinks(of: account.id, now: now)
        }
        return account
    }

    /// The address a message carries for a link.
    static func linkAddress(_ publicURL: String, _ token: String) -> String { "\(publicURL)\(linkPath)\(token)" }

    /// Where every one-time link leads; the outbox hides what follows it.
    static let linkPath = SiteURL.setPassword.path + "?token="

    /// The outbox as an admin reads it: one page of messages, newest first, each one-time link
    /// hidden (it belongs to its recipient alone).
    public func outbox(page: PageRequest, for principal: Principal) async throws -> Page<Notice> {
        try principal.requireAdmin("reading the outbox")
        let found = try await store.notices(page: page)
        return Page(items: found.items.map { notice in
            var notice = notice
            notice.body = Self.hidingLinks(notice.body)
            return notice
        }, total: found.total, request: page)
    }

    /// A message's text with its one-time links hidden: what an admin reading the outbox sees.
    /// The link belongs to the recipient alone — whoever could copy it could choose the
    /// recipient's password.
    public static func hidingLinks(_ text: String) -> String {
        var result = "", rest = Substring(text)
        while let found = rest.range(of: linkPath) {
            result += rest[..<found.upperBound] + "[hidden: only the recipient can use this link]"
            rest = rest[found.upperBound...].drop { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        }
        return result + rest
    }

    private func issue(_ purpose: OneTimeLink.Purpose, for account: Account, now: Date) async throws -> (token: String, record: OneTimeLink) {
        let token = credentials.newToken()
        return (token, OneTimeLink(digest: credentials.digest(token: token), accountID: account.id, purpose: purpose,
                                   expiresAt: now.addingTimeInterval(purpose.lifetime)))
    }
}
