import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Appointing and removing programme managers, and declaring and withdrawing conflicts of
/// interest: who may, and the record of who did, when.
@Suite("Managers and conflicts, with who and when")
struct AdministrationStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("an admin appoints and removes managers; each change is recorded with who and when; a directory person without an account is invited",
          arguments: TestDatabase.allCases)
    func appointments(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let admin = try await UseCaseAccessStoreTests.demoAdmin(store)
            let links = AccountLinks(store: store, credentials: TestAccounts.credentials, publicURL: "https://mentoring.example.org")
            let asAdmin = ManagerAppointments(store: store, principal: admin, invitations: links)
            let programme = demo.programme.id
            // Someone of the directory who has no account yet.
            var newcomer: Person?
            for person in try await store.allPeople() where try await store.account(person: person.id) == nil {
                newcomer = person
                break
            }
            let invitee = try #require(newcomer)
            let outboxBefore = try await store.notices(page: .everything).total
            // Without the site's address (the command line without LODESTAR_PUBLIC_URL) no invitation can go out: nothing is written.
            let noAddress = await #expect(throws: ValidationError.self) {
                try await ManagerAppointments(store: store, principal: admin).appoint(email: invitee.email, toManage: programme, now: now)
            }
            #expect(noAddress?.issues.first?.message.contains("the site's public address") == true)
            #expect(try await store.account(email: invitee.email.lowercased()) == nil)
            let appointment = try await asAdmin.appoint(email: invitee.email.uppercased(), toManage: programme, now: now)
            #expect(appointment.invited)
            #expect(appointment.manager.email == invitee.email.lowercased())
            #expect(appointment.manager.name == invitee.name)
            #expect(!appointment.manager.canSignIn, "the invitation is pending until they choose a password")
            #expect(appointment.manager.appointed == Attribution(admin, at: now))
            #expect(Attribution(admin, at: now).by.contains("admin@lodestar.example"))
            #expect(try await store.notices(page: .everything).total == outboxBefore + 1, "one invitation went out")

            let again = await #expect(throws: ValidationError.self) { try await asAdmin.appoint(email: invitee.email, toManage: programme, now: now) }
            #expect(again?.issues.first?.message == "\(invitee.email.lowercased()) already manages this programme")
            let unknown = await #expect(throws: ValidationError.self) { try await asAdmin.appoint(email: "nobody@nowhere.example", toManage: programme, now: now) }
            #expect(unknown?.issues.first?.field == "email")

            // The demo's manager sees who runs the programme but appoints and removes no one; a mentee sees nothing.
            let asManager = ManagerAppointments(store: store, principal: manager)
            #expect(Set(try await asManager.managers(of: programme).map(\.email)) == [manager.account.email, invitee.email.lowercased()])
            await #expect(throws: AccessDenied.self) { try await asManager.remove(appointment.manager.account, from: programme, now: now) }
            await #expect(throws: AccessDenied.self) { try await ManagerAppointments(store: store, principal: mentee).managers(of: programme) }
            await #expect(throws: AccessDenied.self) { try await ManagerAppointments(store: store, principal: mentee).history(of: programme) }

            let later = now.addingTimeInterval(3600)
            try await asAdmin.remove(appointment.manager.account, from: programme, now: later)
            #expect(try await asAdmin.managers(of: programme).map(\.email) == [manager.account.email])
            let history = try await asManager.history(of: programme).items
            #expect(history.map(\.kind) == [.managerRemoved, .managerAppointed], "newest first")
            #expect(history.map(\.attribution.at) == [later, now])
            #expect(history.allSatisfy { $0.attribution.by.contains("admin@lodestar.example") && $0.subject.contains(invitee.name) })
            #expect(try await Authentication(store: store, credentials: TestAccounts.credentials)
                .principal(for: try #require(try await store.account(email: invitee.email.lowercased()))).managedProgrammes.isEmpty)
        }
    }

    @Test("a manager sees and changes the conflicts of their programmes' people only; each declaration and withdrawal records who and when",
          arguments: TestDatabase.allCases)
    func conflicts(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            let enrolled = Set(demo.enrolments.map(\.personID))
            let participants = demo.people.filter { enrolled.contains($0.id) }
            let outsiders = demo.people.filter { !enrolled.contains($0.id) }
            try #require(participants.count >= 2 && outsiders.count >= 3)
            let asAdmin = ConflictRegister(store: store, principal: .commandLine)
            let asManager = ConflictRegister(store: store, principal: manager)

            let outside = try await asAdmin.declare(between: outsiders[0].externalID, and: outsiders[1].externalID, reason: "siblings", now: now)
            #expect(outside.conflict.declared == Attribution(by: "command-line", at: now))
            let theirs = try await asManager.declare(between: participants[0].externalID, and: outsiders[2].externalID, reason: " former manager ",
                                                     now: now.addingTimeInterval(60))
            #expect(theirs.conflict.reason == "former manager")
            #expect(theirs.conflict.declared?.by.contains(manager.account.email) == true)
            #expect(Set(theirs.people.map(\.externalID)) == [participants[0].externalID, outsiders[2].externalID])

            // The manager's list holds only the declaration with someone of their programme.
            let seen = try await asManager.list(page: .first)
            #expect(seen.total == 1)
            #expect(seen.items.map(\.conflict.id) == [theirs.conflict.id])
            #expect(seen.items.first?.people.map(\.name).sorted() == [participants[0].name, outsiders[2].name].sorted())
            #expect(try await asAdmin.list(page: .first).total == 2)
            // What they may not see, they may not withdraw (nor learn it exists).
            await #expect(throws: NotFound.self) { try await asManager.withdraw(outside.conflict.id, now: now) }
            await #expect(throws: AccessDenied.self) { try await asManager.history() }

            try await asManager.withdraw(theirs.conflict.id, now: now.addingTimeInterval(120))
            #expect(try await store.conflicts().map(\.id) == [outside.conflict.id])
            let history = try await asAdmin.history().items
            #expect(history.map(\.kind) == [.conflictWithdrawn, .conflictDeclared, .conflictDeclared])
            #expect(history[0].attribution == Attribution(by: history[1].attribution.by, at: now.addingTimeInterval(120)), "withdrawn by the manager who declared it")
            #expect(history[0].subject.contains(participants[0].externalID) && history[0].subject.contains(outsiders[2].externalID))
            #expect(history[2].attribution.by == "command-line")
        }
    }
}
