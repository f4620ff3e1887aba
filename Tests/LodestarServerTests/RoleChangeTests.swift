import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Who is asking, and what a page shows, are kept only while nothing is written, so a change of
/// role — or any change — counts on the next request, on every app server sharing the database.
@Suite struct RoleChangeTests {
    static let session = Caller.session("manager-session", csrf: "manager-csrf")

    let programme = Programme(name: "Leaders", objectives: "Grow", focusCompetencies: [], format: .oneToOne, durationWeeks: 26, cadence: .monthly)
    let manager = Account(email: "manager@tests.example", personID: nil, passwordHash: nil, isAdmin: false, createdAt: Date())

    /// The programme with its manager appointed and signed in.
    func appointManager(in store: FluentStore) async throws {
        try await store.save(programme)
        try await store.save(manager)
        _ = try await ManagerAppointments(store: store, principal: .commandLine).appoint(email: manager.email, toManage: programme.id, now: Date())
        try await TestAccounts.signIn(manager, session: "manager-session", csrf: "manager-csrf", in: store)
    }

    @Test("a removed programme manager loses access on the very next request, on every app server", arguments: TestDatabase.allCases)
    func removedManagerLosesAccess(database: TestDatabase) async throws {
        let (programme, manager) = (programme, manager)
        try await withApps(database == .postgresql ? 2 : 1, database, prepare: appointManager) { clients, store in
            for client in clients {
                #expect(try await client.page("/programmes/\(programme.id)", as: Self.session).0 == .ok)
            }
            try await ManagerAppointments(store: store, principal: .commandLine).remove(manager.id, from: programme.id, now: Date())
            for client in clients {
                let (status, body) = try await client.page("/programmes/\(programme.id)", as: Self.session)
                #expect(status == .forbidden)
                #expect(body.contains("needs a role in it"))
            }
        }
    }

    @Test("a manager appointed while signed in sees the programme on the next request", arguments: TestDatabase.allCases)
    func appointedManagerGainsAccess(database: TestDatabase) async throws {
        let (programme, manager) = (programme, manager)
        try await withApps(1, database, prepare: { store in
            try await appointManager(in: store)
            _ = try await store.dismiss(manager.id, fromManaging: programme.id)
        }) { clients, store in
            #expect(try await clients[0].page("/programmes/\(programme.id)", as: Self.session).0 == .forbidden)
            _ = try await ManagerAppointments(store: store, principal: .commandLine).appoint(email: manager.email, toManage: programme.id, now: Date())
            #expect(try await clients[0].page("/programmes/\(programme.id)", as: Self.session).0 == .ok)
        }
    }

    @Test("a change written on one app server shows on the other's next page; a sign-out on one ends the session on both", arguments: TestDatabase.allCases)
    func writesCountEverywhere(database: TestDatabase) async throws {
        let programme = programme
        try await withApps(database == .postgresql ? 2 : 1, database, prepare: appointManager) { clients, store in
            let path = "/programmes/\(programme.id)"
            for client in clients {
                for _ in 0..<2 { #expect(try await client.page(path, as: Self.session).1.contains("Leaders")) }
                #expect(try await client.page("/", as: Self.session).1.contains("Leaders"))
            }
            // Renamed by another writer (the programme form on another server, the CLI): every server's next page says so.
            var renamed = programme
            renamed.name = "Rising Leaders"
            try await store.save(renamed)
            for client in clients {
                #expect(try await client.page(path, as: Self.session).1.contains("Rising Leaders"))
                #expect(try await client.page("/", as: Self.session).1.contains("Rising Leaders"))
            }
            // Signed out on the first server: the cookie opens nothing on any.
            #expect(try await clients[0].form("/sign-out", ["csrf": "manager-csrf"], as: Self.session).status == .seeOther)
            for client in clients {
                #expect(try await client.page(path, as: Self.session).0 == .seeOther, "sent to sign in")
            }
        }
    }

    @Test("a page kept for one account carries each of its sessions' own CSRF token, and each session's form passes with it; another account without the role is refused it")
    func keptPagesCarryEachSessionsToken() async throws {
        let (programme, manager) = (programme, manager)
        let outsider = Account(email: "outsider@tests.example", personID: nil, passwordHash: nil, isAdmin: false, createdAt: Date())
        try await withAppAndStore(prepare: { store in
            try await appointManager(in: store)
            try await TestAccounts.signIn(manager, session: "second-session", csrf: "second-csrf", in: store)
            try await store.save(outsider)
            try await TestAccounts.signIn(outsider, session: "outsider-session", csrf: "outsider-csrf", in: store)
        }) { client, _ in
            let second = Caller.session("second-session", csrf: "second-csrf")
            #expect(try await client.page("/programmes/\(programme.id)", as: Self.session).0 == .ok)
            let (status, refused) = try await client.page("/programmes/\(programme.id)", as: .session("outsider-session", csrf: "outsider-csrf"))
            #expect(status == .forbidden && !refused.contains("Leaders"), "the manager's kept page is not the outsider's")
            for _ in 0..<2 {
                let (first, other) = (try await client.page("/programmes/\(programme.id)", as: Self.session).1, try await client.page("/programmes/\(programme.id)", as: second).1)
                #expect(first.contains(#"name="csrf" value="manager-csrf""#) && !first.contains("second-csrf"))
                #expect(other.contains(#"name="csrf" value="second-csrf""#) && !other.contains("manager-csrf"))
            }
            #expect(try await client.form("/sign-out", ["csrf": "second-csrf"], as: second).status == .seeOther)
            #expect(try await client.page("/programmes/\(programme.id)", as: Self.session).0 == .ok, "the other session goes on")
        }
    }

    @Test("only an organisation admin appoints or removes programme managers")
    func onlyAdminsAppoint() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await appointManager(in: store)
            let principal = try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: manager)
            #expect(principal.managedProgrammes == [programme.id])
            let (asManager, asAdmin) = (ManagerAppointments(store: store, principal: principal), ManagerAppointments(store: store, principal: .commandLine))
            await #expect(throws: AccessDenied.self) { try await asManager.remove(manager.id, from: programme.id, now: Date()) }
            await #expect(throws: NotFound.self) { try await asAdmin.remove(Account.ID(UUID()), from: programme.id, now: Date()) }
            await #expect(throws: NotFound.self) { try await asAdmin.appoint(email: manager.email, toManage: Programme.ID(UUID()), now: Date()) }
            await #expect(throws: AccessDenied.self) { try await asManager.appoint(email: "someone@tests.example", toManage: programme.id, now: Date()) }
            #expect(try await asManager.managers(of: programme.id).map(\.email) == [manager.email], "a manager sees who runs their programme")
        }
    }

    @Test("handlers read the time from the app's clock: past the session's end the same cookie sends the browser to sign in")
    func injectedClock() async throws {
        let signedInAt = Date()
        for (offset, signedIn) in [(1800.0, true), (7200.0, false)] {
            try await withAppAndStore(clock: .fixed(signedInAt.addingTimeInterval(offset)), prepare: { store in
                try await TestAccounts.signIn(try #require(try await store.account(email: TestAccounts.adminEmail)),
                                              session: "clock-session", csrf: "clock-csrf", in: store, now: signedInAt)
            }) { client, _ in
                let (status, _) = try await client.page("/", as: .session("clock-session", csrf: "clock-csrf"))
                #expect(status == (signedIn ? .ok : .seeOther), "an hour's session read \(Int(offset)) s after it began")
            }
        }
    }
}
