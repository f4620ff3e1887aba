import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Appointing managers on the programme's page and declaring conflicts on their page — the same
/// rules and messages as the API's routes, which are tried alongside.
@Suite("Managers and conflicts in the browser and the API")
struct AdministrationPagesTests {
    static let manager = Caller.session("demo-manager", csrf: "demo-manager-csrf")

    /// People of the demo's directory in no cycle, and not the demo's manager (who is senior).
    static func bystanders(_ demo: DemoOrganisation) -> [Person] {
        let enrolled = Set(demo.enrolments.map(\.personID))
        return demo.people.filter { !enrolled.contains($0.id) && $0.level < 5 }
    }

    /// The demo with its manager signed in.
    static func signInManager(_ store: FluentStore) async throws {
        let signIns = try await DemoAccounts(store: store, credentials: TestAccounts.credentials).ensure(now: Date())
        let email = try #require(signIns.first { $0.role.hasPrefix("programme manager") }?.email)
        try await TestAccounts.signIn(try #require(try await store.account(email: email)), session: "demo-manager", csrf: "demo-manager-csrf", in: store)
    }

    @Test("the admin appoints a directory person on the programme's page: invited, listed, recorded; a bad email is refused on the page")
    func appointInTheBrowser() async throws {
        let demo = DemoOrganisation()
        let newcomer = try #require(Self.bystanders(demo).last)
        try await withAppAndStore(demo: true, prepare: Self.signInManager) { client, store in
            let programme = "/programmes/\(demo.programme.id)"
            let refused = try await client.form(programme + "/managers", ["csrf": TestAccounts.csrf, "email": "nobody@nowhere.example"])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("no account and no one in the people directory has the email"))
            #expect(String(buffer: refused.body).contains(#"value="nobody@nowhere.example""#), "the form keeps what was typed")
            let appointed = try await client.form(programme + "/managers", ["csrf": TestAccounts.csrf, "email": newcomer.email])
            #expect(appointed.status == .seeOther)
            let (status, page) = try await client.page(programme)
            #expect(status == .ok)
            #expect(page.contains(newcomer.name) && page.contains("invited, has not chosen a password yet"))
            #expect(page.contains("appointed programme manager by \(TestAccounts.adminEmail)"))
            #expect(try await store.notices(page: .everything).items.contains { $0.recipient == newcomer.email.lowercased() })
            // The demo manager sees the list and the record, without the forms to change them.
            let (_, asManager) = try await client.page(programme, as: Self.manager)
            #expect(asManager.contains(newcomer.name) && !asManager.contains("Appoint a manager by email"))
            let account = try #require(try await store.account(email: newcomer.email.lowercased()))
            #expect(try await client.form(programme + "/managers/\(account.id)/remove", ["csrf": "demo-manager-csrf"], as: Self.manager).status == .forbidden)
            #expect(try await client.form(programme + "/managers/\(account.id)/remove", ["csrf": TestAccounts.csrf]).status == .seeOther)
            let (_, after) = try await client.page(programme)
            #expect(after.contains("removed as programme manager by \(TestAccounts.adminEmail)"))
        }
    }

    @Test("the API appoints, lists, records and removes; a manager reads but does not change; unknown fields are refused")
    func managersThroughTheAPI() async throws {
        let demo = DemoOrganisation()
        let newcomer = try #require(Self.bystanders(demo).last)
        try await withApp(demo: true, prepare: Self.signInManager) { client in
            let base = "/api/v1/programmes/\(demo.programme.id)"
            let (unknown, _) = try await client.json(.post, base + "/managers", #"{"email":"\#(newcomer.email)","role":"owner"}"#)
            #expect(unknown == .badRequest || unknown == .unprocessableContent)
            let (created, body) = try await client.json(.post, base + "/managers", #"{"email":"\#(newcomer.email)"}"#)
            #expect(created == .created)
            #expect(value(body, "email") as? String == newcomer.email.lowercased())
            #expect(value(body, "invited") as? Bool == true)
            #expect((value(body, "appointedBy") as? String)?.contains(TestAccounts.adminEmail) == true)
            let (listed, list) = try await client.json(.get, base + "/managers", as: Self.manager)
            #expect(listed == .ok && value(list, "total") as? Int == 2)
            #expect(try await client.json(.post, base + "/managers", #"{"email":"x@y.example"}"#, as: Self.manager).0 == .forbidden)
            let account = try #require(value(body, "accountId") as? String)
            #expect(try await client.execute(uri: base + "/managers/\(account)", method: .delete, headers: Caller.admin.headers) { $0.status } == .noContent)
            #expect(try await client.execute(uri: base + "/managers/\(account)", method: .delete, headers: Caller.admin.headers) { $0.status } == .notFound)
            let (_, changes) = try await client.json(.get, base + "/changes", as: Self.manager)
            #expect(value(changes, "items.0.kind") as? String == "manager.removed")
            #expect(value(changes, "items.1.kind") as? String == "manager.appointed")
        }
    }

    @Test("a manager declares a conflict for one of their mentees on the conflicts page, sees only theirs, and can't read the organisation's record")
    func conflictsPage() async throws {
        let demo = DemoOrganisation()
        let enrolled = Set(demo.enrolments.map(\.personID))
        let mentee = try #require(demo.people.first { enrolled.contains($0.id) })
        let outsiders = Self.bystanders(demo)
        try await withApp(demo: true, prepare: Self.signInManager) { client in
            let (adminDeclared, _) = try await client.json(.post, "/api/v1/conflicts",
                                                           #"{"personA":"\#(outsiders[0].externalID)","personB":"\#(outsiders[1].externalID)","reason":"siblings"}"#)
            #expect(adminDeclared == .created)
            let bad = try await client.form("/conflicts", ["csrf": "demo-manager-csrf", "personA": mentee.externalID, "personB": "NOPE-1", "reason": "x"], as: Self.manager)
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("is not in the people directory"))
            #expect(String(buffer: bad.body).contains(#"value="\#(mentee.externalID)""#), "the form keeps what was typed")
            let good = try await client.form("/conflicts", ["csrf": "demo-manager-csrf", "personA": mentee.externalID, "personB": outsiders[2].externalID,
                                                            "reason": "former manager"], as: Self.manager)
            #expect(good.status == .seeOther)
            let (_, page) = try await client.page("/conflicts", as: Self.manager)
            #expect(page.contains(mentee.name) && page.contains("former manager"))
            #expect(!page.contains(outsiders[0].name), "the declaration between two people outside their programme is not theirs to see")
            let (_, list) = try await client.json(.get, "/api/v1/conflicts", as: Self.manager)
            #expect(value(list, "total") as? Int == 1)
            #expect((value(list, "items.0.declaredBy") as? String)?.isEmpty == false)
            #expect(try await client.json(.get, "/api/v1/conflicts/changes", as: Self.manager).0 == .forbidden)
            let (_, record) = try await client.json(.get, "/api/v1/conflicts/changes")
            #expect(value(record, "total") as? Int == 2)

            // Declared twice: refused on the page with the pair named; then withdrawn from the page.
            let again = try await client.form("/conflicts", ["csrf": "demo-manager-csrf", "personA": outsiders[2].externalID, "personB": mentee.externalID,
                                                             "reason": "again"], as: Self.manager)
            #expect(again.status == .unprocessableContent && String(buffer: again.body).contains("is already declared"))
            let id = try #require(value(list, "items.0.id") as? String)
            #expect(try await client.form("/conflicts/\(id)/withdraw", ["csrf": "demo-manager-csrf"], as: Self.manager).status == .seeOther)
            let (_, emptied) = try await client.json(.get, "/api/v1/conflicts", as: Self.manager)
            #expect(value(emptied, "total") as? Int == 0)
            let (_, withdrawn) = try await client.json(.get, "/api/v1/conflicts/changes")
            #expect(value(withdrawn, "items.0.kind") as? String == "conflict.withdrawn")
        }
    }
}
