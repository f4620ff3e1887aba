import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
import LodestarStore
import LodestarTestSupport
import NIOCore
import Synchronization
import Testing

/// Credentials stay with their owner: tokens only work on the API, one-time links only for their
/// recipient, redirects only to this site, and throttling counts the real client.
@Suite("Credential hardening")
struct CredentialHardeningTests {
    @Test("an API token opens no page: the outbox and the tokens page send it to sign in, and it can't mint a token")
    func tokensStayOnTheAPI() async throws {
        try await withAppAndStore { client, store in
            for path in ["/admin/outbox", "/admin/tokens", "/people"] {
                let response = try await client.execute(uri: path, method: .get, headers: Caller.admin.headers) { $0 }
                #expect(response.status == .seeOther && (response.headers[.location] ?? "").hasPrefix("/sign-in"), "\(path)")
            }
            var headers = Caller.admin.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let mint = try await client.execute(uri: "/admin/tokens", method: .post, headers: headers, body: ByteBuffer(string: "name=stolen&scope=write")) { $0 }
            #expect(mint.status == .forbidden || mint.status == .seeOther)
            #expect(try await store.apiTokens().map(\.name) == ["tests"], "no token was minted")
            // The same token still works where it belongs.
            #expect(try await client.json(.get, "/api/v1/programmes").0 == .ok)
        }
    }

    @Test("the admin can't get into a mentee's account to read a private note: no link is shown, re-inviting is refused, an email change gives no second account")
    func adminCannotTakeOverAnAccount() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withAppAndStore(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client, store in
            let mentee = try #require(callers.value[.mentee])
            guard case .session(_, let csrf) = mentee else { Issue.record("the mentee has a session"); return }
            let note = "PRIVATE-NOTE-5150 what I really think"
            _ = try await client.form("/relationships/\(callers.relationship)/notes", ["csrf": csrf, "text": note], as: mentee)
            let enrolmentID = try #require(Enrolment.ID(callers.menteeEnrolment))
            let enrolment = try #require(try await store.enrolment(enrolmentID))
            let menteePerson = try #require(try await store.person(enrolment.personID))
            // 1. Re-invite the mentee, who has a password: refused.
            let reinvite = try await client.form("/admin/invitations", ["csrf": TestAccounts.csrf, "email": menteePerson.email])
            #expect(String(buffer: reinvite.body).contains("has signed in before"))
            // 2. Ask for a reset: the outbox says a link went out, never the link.
            _ = try await client.form("/forgot-password", ["csrf": "f", "email": menteePerson.email], headers: [.cookie: "lodestar_form=f"], as: .anonymous)
            let resetToken = try #require(try await linkToken(sentTo: menteePerson.email, in: store))
            let (_, outbox) = try await client.page("/admin/outbox")
            #expect(outbox.contains("Reset your Lodestar password") && !outbox.contains(resetToken))
            // 3. Point the mentee's directory entry at the admin's mailbox and invite that: refused, one account per person.
            let (_, read) = try await client.json(.get, "/api/v1/people/\(menteePerson.id)")
            var changed = try #require(read as? [String: Any])
            changed["email"] = "admins-other-mailbox@example.org"
            let body = String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self)
            #expect(try await client.json(.put, "/api/v1/people/\(menteePerson.id)", body).0 == .ok)
            let sideDoor = try await client.form("/admin/invitations", ["csrf": TestAccounts.csrf, "email": "admins-other-mailbox@example.org"])
            #expect(String(buffer: sideDoor.body).contains("already has an account"))
            #expect(try await linkToken(sentTo: "admins-other-mailbox@example.org", in: store) == nil, "no link went to the admin's mailbox")
            // 4. And the workspace itself stays shut to the admin.
            let (workspace, page) = try await client.page("/relationships/\(callers.relationship)")
            #expect(workspace == .forbidden && !page.contains("PRIVATE-NOTE-5150"))
        }
    }

    @Test("setting a password ends every other session of the account and voids its other open links; a used link answers 410")
    func passwordChangeEndsSessions() async throws {
        try await withAppAndStore { client, store in
            for _ in 0..<2 {
                _ = try await client.form("/forgot-password", ["csrf": "f", "email": TestAccounts.adminEmail], headers: [.cookie: "lodestar_form=f"], as: .anonymous)
            }
            let notices = try await store.notices(page: .everything).items.filter { $0.recipient == TestAccounts.adminEmail }
            let tokens = notices.compactMap { $0.body.firstMatch(of: /set-password\?token=([A-Za-z0-9_-]+)/).map { String($0.1) } }
            #expect(tokens.count == 2)
            #expect(try await client.page("/").0 == .ok, "the admin's browser session works before")
            let fields = ["csrf": "f", "token": tokens[0], "password": "a new long password", "confirmation": "a new long password"]
            #expect(try await client.form("/set-password", fields, headers: [.cookie: "lodestar_form=f"], as: .anonymous).status == .seeOther)
            let after = try await client.execute(uri: "/", method: .get, headers: Caller.adminBrowser.headers) { $0 }
            #expect(after.status == .seeOther && (after.headers[.location] ?? "").contains("ended=1"), "the old session ended")
            let other = try await client.execute(uri: "/set-password?token=\(tokens[1])", method: .get) { $0.status }
            #expect(other == .gone, "the other open link was voided")
        }
    }

    @Test("two requests using one link at the same moment: exactly one sets the password, the other gets 410", arguments: TestDatabase.allCases)
    func oneLinkTwoRequests(database: TestDatabase) async throws {
        try await withAppAndStore(database) { client, store in
            _ = try await client.form("/forgot-password", ["csrf": "f", "email": TestAccounts.adminEmail], headers: [.cookie: "lodestar_form=f"], as: .anonymous)
            let token = try #require(try await linkToken(sentTo: TestAccounts.adminEmail, in: store))
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<2 {
                    group.addTask {
                        let password = "racing password \(attempt)"
                        return try await client.form("/set-password", ["csrf": "f", "token": token, "password": password, "confirmation": password],
                                                     headers: [.cookie: "lodestar_form=f"], as: .anonymous).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.seeOther, .gone])
        }
    }

    @Test("sign-in checks a password hash whether or not the account exists, so its time doesn't tell who has one")
    func signInTakesTheSameWork() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await TestAccounts.seedAdmin(in: store)
            let counting = CountingCredentials()
            let authentication = Authentication(store: store, credentials: counting)
            for email in [TestAccounts.adminEmail, "nobody@example.org"] {
                let before = counting.verifications
                _ = try? await authentication.signIn(email: email, password: "wrong password", address: "a-\(email)", now: Date())
                #expect(counting.verifications == before + 1, "\(email): one bcrypt verification")
            }
        }
    }

    @Test("X-Forwarded-For counts only from a named proxy: a client can't dodge the address lock by inventing addresses")
    func forwardedForIsNotTrusted() async throws {
        #expect(ClientAddress.of(peer: "203.0.113.9", forwardedFor: "198.51.100.1", trusted: []) == "203.0.113.9")
        #expect(ClientAddress.of(peer: "10.0.0.2", forwardedFor: "198.51.100.1, 10.0.0.3", trusted: ["10.0.0.2", "10.0.0.3"]) == "198.51.100.1")
        #expect(ClientAddress.of(peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.1", trusted: ["10.0.0.2"]) == "198.51.100.1",
                "the address the proxy saw, not one the client wrote before it")
        try await withApp { client in
            let statuses = try await Self.failedSignIns(client)
            #expect(statuses.last == .tooManyRequests, "ten failures from one peer lock it, whatever X-Forwarded-For says")
        }
        // Behind a proxy the operator names, each forwarded client counts on its own.
        try await withApp(trustedProxies: ["local"]) { client in
            let statuses = try await Self.failedSignIns(client)
            #expect(statuses.allSatisfy { $0 == .unprocessableContent }, "eleven clients, one failure each: \(statuses)")
        }
    }

    /// Eleven failed sign-ins, each for another email from another forwarded address; their statuses.
    static func failedSignIns(_ client: any TestClientProtocol) async throws -> [HTTPResponse.Status] {
        var statuses: [HTTPResponse.Status] = []
        for attempt in 0..<11 {
            statuses.append(try await client.form("/sign-in", ["csrf": "f", "email": "nobody\(attempt)@example.org", "password": "wrong"],
                                                  headers: [.cookie: "lodestar_form=f", .forwardedFor: "192.0.2.\(attempt)"], as: .anonymous).status)
        }
        return statuses
    }

    @Test("after signing in, next= leads only to a path of this site",
          arguments: ["//evil.example/x", "/\t/evil.example", "/\\evil.example", "/%2F%2Fevil.example", "/%252F%252Fevil.example",
                      "https://evil.example", "/%09/evil.example", "/%5Cevil.example", "\\\\evil.example", "/ok\r\nSet-Cookie: x=1"])
    func nextStaysOnSite(next: String) {
        #expect(AccountPages.localPath(next) == "/")
    }

    @Test("a path of the site is kept as next=")
    func nextKeepsLocalPaths() {
        #expect(AccountPages.localPath("/cycles/42/plan?seed=3") == "/cycles/42/plan?seed=3")
        #expect(AccountPages.localPath("/people?name=Zo%C3%AB") == "/people?name=Zo%C3%AB")
    }

    @Test("a refusal never names a programme the asker may not see")
    func refusalsNameNothingHidden() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let outsider = try #require(callers.value[.otherManager])
            var answers: [String] = []
            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/programmes/\(demo.programme.id)"), (.put, "/api/v1/cycles/\(demo.cycle.id)"),
                                   (.get, "/api/v1/cycles/\(demo.cycle.id)/enrolments"), (.get, "/api/v1/enrolments/\(callers.menteeEnrolment)")] {
                let (status, body) = try await client.json(method, path, method == .get ? nil : #"{"name":"x"}"#, as: outsider)
                answers.append("\(status.code) \(messages(body))")
            }
            for path in ["/programmes/\(demo.programme.id)", "/cycles/\(demo.cycle.id)", "/cycles/\(demo.cycle.id)/plan"] {
                let (status, html) = try await client.page(path, as: outsider)
                answers.append("\(status.code) \(html)")
            }
            #expect(answers.allSatisfy { $0.hasPrefix("403") || $0.hasPrefix("404") }, "\(answers.map { $0.prefix(80) })")
            #expect(answers.allSatisfy { !$0.contains(demo.programme.name) && !$0.contains(demo.cycle.name) }, "\(answers.map { $0.prefix(300) })")
        }
    }
}

/// Real bcrypt at the lowest cost, counting how often a password is checked.
final class CountingCredentials: Credentials {
    private let base = TestAccounts.credentials
    private let count = Mutex(0)
    var verifications: Int { count.withLock { $0 } }

    func hash(password: String) -> String { base.hash(password: password) }
    func verify(password: String, against hash: String) -> Bool {
        count.withLock { $0 += 1 }
        return base.verify(password: password, against: hash)
    }
    func digest(token: String) -> String { base.digest(token: token) }
    func newToken() -> String { base.newToken() }
}
