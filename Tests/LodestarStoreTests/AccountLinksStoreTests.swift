import Foundation
import LodestarCore
import LodestarServer
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Invitations, password resets and the outbox")
struct AccountLinksStoreTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// The token inside the link of a notice's body.
    static func token(in notice: Notice) throws -> String {
        let match = try #require(notice.body.firstMatch(of: /set-password\?token=([A-Za-z0-9_-]+)/))
        return String(match.1)
    }

    static func admin(_ store: FluentStore) async throws -> Principal {
        let authentication = Authentication(store: store, credentials: TestAccounts.credentials)
        return try await authentication.principal(for: try await authentication.createAdmin(email: "chief@example.org", password: "a long password", now: start))
    }

    @Test("an invitation goes through the outbox; its link sets the password once, and only within its week", arguments: TestDatabase.allCases)
    func invitation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let links = AccountLinks(store: store, credentials: TestAccounts.credentials, publicURL: "https://mentoring.example.org/")
            let account = try await links.invite(email: " New.Starter@Example.org", by: try await Self.admin(store), now: Self.start)
            #expect(account.passwordHash == nil && account.email == "new.starter@example.org")
            let notice = try #require(try await store.notices(page: .everything).items.first)
            #expect(notice.recipient == "new.starter@example.org" && notice.body.contains("https://mentoring.example.org/set-password?token="))
            let token = try Self.token(in: notice)
            #expect(try await links.check(token: token, now: Self.start).purpose == .invitation)
            await #expect(throws: LinkRefused.expired) { try await links.check(token: token, now: Self.start.addingTimeInterval(7 * 86400 + 1)) }
            await #expect(throws: ValidationError.self) { try await links.setPassword(token: token, password: "short", now: Self.start) }
            _ = try await links.setPassword(token: token, password: "my own long password", now: Self.start.addingTimeInterval(60))
            let authentication = Authentication(store: store, credentials: TestAccounts.credentials)
            _ = try await authentication.signIn(email: "new.starter@example.org", password: "my own long password", address: "a", now: Self.start)
            await #expect(throws: LinkRefused.used) { try await links.setPassword(token: token, password: "another long password", now: Self.start) }
            await #expect(throws: LinkRefused.unknown) { try await links.check(token: "made-up", now: Self.start) }
        }
    }

    @Test("a reset link is sent only to an existing account, works for an hour, and not twice", arguments: TestDatabase.allCases)
    func reset(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await Self.admin(store)
            let links = AccountLinks(store: store, credentials: TestAccounts.credentials, publicURL: "http://localhost:8080")
            try await links.requestReset(email: "nobody@example.org", now: Self.start)
            #expect(try await store.notices(page: .everything).total == 0, "no message, and no sign to the asker that no account exists")
            try await links.requestReset(email: "CHIEF@example.org", now: Self.start)
            let token = try Self.token(in: try #require(try await store.notices(page: .everything).items.first))
            await #expect(throws: LinkRefused.expired) {
                try await links.setPassword(token: token, password: "a new long password", now: Self.start.addingTimeInterval(3601))
            }
            _ = try await links.setPassword(token: token, password: "a new long password", now: Self.start.addingTimeInterval(600))
            await #expect(throws: LinkRefused.used) { try await links.setPassword(token: token, password: "yet another password", now: Self.start) }
        }
    }

    @Test("only an organisation admin invites", arguments: TestDatabase.allCases)
    func onlyAdminsInvite(database: TestDatabase) async throws {
        try await database.withStore { store in
            let member = Account(email: "member@example.org", personID: nil, passwordHash: nil, isAdmin: false, createdAt: Self.start)
            try await store.save(member)
            let principal = try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: member)
            let links = AccountLinks(store: store, credentials: TestAccounts.credentials, publicURL: "http://localhost")
            await #expect(throws: AccessDenied.self) { try await links.invite(email: "friend@example.org", by: principal, now: Self.start) }
            let notices = try await store.notices(page: .everything).total, accounts = try await store.accounts().count
            #expect(notices == 0 && accounts == 1)
        }
    }

    @Test("the outbox is delivered by SMTP to a local server; a refused recipient is recorded and retried later", arguments: TestDatabase.allCases)
    func smtpDelivery(database: TestDatabase) async throws {
        let server = try await TestSMTPServer(refuseRecipients: ["bounce@example.org"])
        try await database.withStore { store in
            try await store.save(Notice(recipient: "ana@example.org", subject: "Réunion demain", body: "Hello Ana,\n.leading dot stays\nSee you.", createdAt: Self.start))
            try await store.save(Notice(recipient: "bounce@example.org", subject: "Lost", body: "x", createdAt: Self.start.addingTimeInterval(1)))
            let mailer = try SMTPMailer(url: "smtp://lodestar:secret@127.0.0.1:\(server.port)?from=noreply@mentoring.example.org")
            let delivery = OutboxDelivery(store: store, mailer: mailer)
            #expect(try await delivery.deliver(now: Self.start) == 1)
            let messages = await server.messages()
            let message = try #require(messages.first)
            #expect(messages.count == 1 && message.recipients == ["ana@example.org"] && message.from == "noreply@mentoring.example.org")
            #expect(message.data.contains("Subject: =?UTF-8?B?") && message.data.contains("\n.leading dot stays\n"))
            let notices = try await store.notices(page: .everything).items
            let bounced = try #require(notices.first { $0.recipient == "bounce@example.org" })
            #expect(bounced.sentAt == nil && bounced.attempts == 1 && (bounced.lastError ?? "").contains("550"))
            #expect(notices.first { $0.recipient == "ana@example.org" }?.sentAt == Self.start)
            // Sent notices stay sent; the refused one is tried again on the next round.
            #expect(try await delivery.deliver(now: Self.start.addingTimeInterval(10)) == 0)
            #expect(try await store.notices(page: .everything).items.first { $0.recipient == "bounce@example.org" }?.attempts == 2)
        }
        await server.stop()
    }

    @Test("a claimed notice is not claimed again until its claim runs out", arguments: TestDatabase.allCases)
    func claims(database: TestDatabase) async throws {
        try await database.withStore { store in
            try await store.save(Notice(recipient: "a@example.org", subject: "s", body: "b", createdAt: Self.start))
            #expect(try await store.claimUnsentNotices(limit: 10, maximumAttempts: 5, now: Self.start).count == 1)
            #expect(try await store.claimUnsentNotices(limit: 10, maximumAttempts: 5, now: Self.start.addingTimeInterval(60)).isEmpty)
            #expect(try await store.claimUnsentNotices(limit: 10, maximumAttempts: 5, now: Self.start.addingTimeInterval(301)).count == 1)
        }
    }
}
