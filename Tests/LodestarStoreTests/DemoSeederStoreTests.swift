import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Demo data, stored")
struct DemoSeederStoreTests {
    @Test("seeds an empty database once and never touches one with data", arguments: TestDatabase.allCases)
    func seedsOnlyEmpty(database: TestDatabase) async throws {
        try await database.withStore { store in
            let demo = try #require(try await DemoSeeder(store: store).seedIfEmpty())
            #expect(try await store.allPeople().count == demo.people.count)
            #expect(try await store.programmes(page: .everything).items.map(\.name) == ["Rising Leaders"])
            let counts = try await store.enrolmentCounts(in: demo.cycle.id)
            #expect(counts[.mentor, default: 0] > 0 && counts[.mentee, default: 0] > 0)
            #expect(try await DemoSeeder(store: store).seedIfEmpty() == nil)
            #expect(try await store.allPeople().count == demo.people.count)
        }
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            #expect(try await DemoSeeder(store: store).seedIfEmpty() == nil)
            #expect(try await store.allPeople().count == 5)
        }
    }
}
