import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// What the store must hold under careless and hostile use, on both databases.
@Suite("Hardening, stored")
struct HardeningStoreTests {
    @Test("an invitation never sets a second password: refused for an account with one, and for a second account of one person",
          arguments: TestDatabase.allCases)
    func invitationsAreFirstPasswordsOnly(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let admin = try await TestAccounts.seedAdmin(in: store)
            let principal = try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: admin)
            let links = AccountLinks(store: store, credentials: TestAccounts.credentials, publicURL: "https://lodestar.example")
            let invited = try await links.invite(email: "wei@example.org", by: principal, now: Date())
            #expect(invited.personID != nil)
            _ = try await links.invite(email: "wei@example.org", by: principal, now: Date()) // not yet signed in: a new link is fine
            var account = try #require(try await store.account(email: "wei@example.org"))
            account.passwordHash = TestAccounts.credentials.hash(password: "wei's own password")
            try await store.save(account)
            await #expect(throws: ValidationError.self) { _ = try await links.invite(email: "wei@example.org", by: principal, now: Date()) }
            // The directory entry moved to another address: the person still has their one account.
            var wei = try #require(try await store.person(externalID: "P-5"))
            wei.email = "someone-else@example.org"
            try await store.save(wei)
            let error = await #expect(throws: ValidationError.self) { _ = try await links.invite(email: "someone-else@example.org", by: principal, now: Date()) }
            #expect(error?.issues.first?.message.contains("already has an account under wei@example.org") == true)
        }
    }

    @Test("setting a password through a link ends the account's sessions and voids its other links; a link works once", arguments: TestDatabase.allCases)
    func passwordThroughALink(database: TestDatabase) async throws {
        try await database.withStore { store in
            let admin = try await TestAccounts.seedAdmin(in: store)
            let links = AccountLinks(store: store, credentials: TestAccounts.credentials, publicURL: "https://lodestar.example")
            try await links.requestReset(email: TestAccounts.adminEmail, now: Date())
            try await links.requestReset(email: TestAccounts.adminEmail, now: Date())
            let tokens = try await store.notices(page: .everything).items
                .compactMap { $0.body.firstMatch(of: /token=([A-Za-z0-9_-]+)/).map { String($0.1) } }
            #expect(tokens.count == 2)
            _ = try await links.setPassword(token: tokens[0], password: "a long new password", now: Date())
            #expect(try await store.session(digest: TestAccounts.credentials.digest(token: TestAccounts.adminSession)) == nil)
            await #expect(throws: LinkRefused.used) { _ = try await links.setPassword(token: tokens[0], password: "another long one", now: Date()) }
            await #expect(throws: LinkRefused.used) { _ = try await links.setPassword(token: tokens[1], password: "another long one", now: Date()) }
            #expect(try await store.account(admin.id)?.passwordHash.map { TestAccounts.credentials.verify(password: "a long new password", against: $0) } == true)
        }
    }

    @Test("a list asked for at an offset past any list's end answers an empty page, not a crash", arguments: TestDatabase.allCases)
    func hugeOffset(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let page = try await store.people(matching: PeopleQuery(), page: try PageRequest(offset: PageRequest.maximumOffset, limit: PageRequest.maximumLimit))
            #expect(page.items.isEmpty && page.total == 5)
            #expect(throws: ValidationError.self) { try PageRequest(offset: Int.max, limit: 1) }
        }
    }
}
