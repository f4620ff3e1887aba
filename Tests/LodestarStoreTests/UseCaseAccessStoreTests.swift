import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The use cases check the access rules themselves, whoever calls them.
@Suite("Access rules inside the use cases")
struct UseCaseAccessStoreTests {
    /// The demo with its accounts; the principals of its manager, mentor and mentee.
    static func demo(_ store: FluentStore) async throws -> (manager: Principal, mentor: Principal, mentee: Principal, demo: DemoOrganisation) {
        let demo = try #require(try await DemoSeeder(store: store).seedIfEmpty())
        let signIns = try await DemoAccounts(store: store, credentials: TestAccounts.credentials).ensure(now: Date())
        let authentication = Authentication(store: store, credentials: TestAccounts.credentials)
        func principal(_ prefix: String) async throws -> Principal {
            let email = try #require(signIns.first { $0.role.hasPrefix(prefix) }?.email)
            return try await authentication.principal(for: try #require(try await store.account(email: email)))
        }
        return (try await principal("programme manager"), try await principal("mentor"), try await principal("mentee"), demo)
    }

    /// The demo's organisation admin, once `demo(_:)` made the accounts.
    static func demoAdmin(_ store: FluentStore) async throws -> Principal {
        try await Authentication(store: store, credentials: TestAccounts.credentials)
            .principal(for: try #require(try await store.account(email: "admin@lodestar.example")))
    }

    @Test("a mentee changes only their own profile; enrolling, cycles and programmes stay with the managers", arguments: TestDatabase.allCases)
    func programmeOffice(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await Self.demo(store)
            let own = try #require(mentee.enrolments.first).enrolment
            let asMentee = ProgrammeOffice(store: store, principal: mentee)
            var profile = own.profile
            profile.interests = ["rowing"]
            #expect(try await asMentee.update(own.id, profile: profile).profile.interests == ["rowing"])
            let someoneElse = try #require(demo.enrolments.first { $0.role == .mentee && $0.personID != mentee.person?.id })
            await #expect(throws: AccessDenied.self) { try await asMentee.update(someoneElse.id, profile: profile) }
            await #expect(throws: AccessDenied.self) { try await asMentee.move(demo.cycle.id, to: .matching) }
            await #expect(throws: AccessDenied.self) { try await asMentee.startCycle(of: demo.programme.id, name: nil) }
            await #expect(throws: AccessDenied.self) {
                try await ProgrammeOffice(store: store, principal: mentor).enrol(someoneElse.personID, in: demo.cycle.id, as: .mentee, profile: profile)
            }
            #expect(try await ProgrammeOffice(store: store, principal: manager).move(demo.cycle.id, to: .matching).state == .matching)
            #expect(try await store.cycles(of: demo.programme.id).count == 1, "nothing the refused calls tried was stored")
        }
    }

    @Test("the directory and competencies change only through an organisation admin; conflicts outside a manager's programmes too", arguments: TestDatabase.allCases)
    func adminOnly(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, mentee, demo) = try await Self.demo(store)
            await #expect(throws: AccessDenied.self) { try await PeopleDirectory(store: store, principal: manager).exportCSV() }
            // Two people of the directory enrolled in no programme the manager runs.
            let enrolled = Set(demo.enrolments.map(\.personID))
            let outsiders = demo.people.filter { !enrolled.contains($0.id) }
            try #require(outsiders.count >= 2)
            await #expect(throws: AccessDenied.self) {
                try await ConflictRegister(store: store, principal: manager).declare(between: outsiders[0].externalID, and: outsiders[1].externalID, reason: "x", now: Date())
            }
            await #expect(throws: AccessDenied.self) {
                try await ConflictRegister(store: store, principal: mentee).declare(between: demo.people[0].externalID, and: demo.people[1].externalID, reason: "x", now: Date())
            }
            await #expect(throws: AccessDenied.self) { try await CompetencyCatalogue(store: store, principal: mentee).add(slug: "x", name: "X", summary: "") }
            #expect(try await store.conflicts().isEmpty)
            let csv = try await PeopleDirectory(store: store, principal: .commandLine).exportCSV()
            #expect(csv.split(whereSeparator: \.isNewline).count == demo.people.count + 1)
        }
    }
}
