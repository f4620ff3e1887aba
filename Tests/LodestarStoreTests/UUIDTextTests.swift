import Foundation
@testable import LodestarStore
import LodestarCore
import LodestarTestSupport
import Testing

/// UUIDs are read without Foundation's parser where the database keeps them as text: the reading
/// must agree with Foundation on every valid form and refuse what is not one, and a record must
/// read back the same on both databases.
@Suite("Reading UUIDs from rows")
struct UUIDTextTests {
    @Test("agrees with Foundation on random UUIDs in either case; refuses wrong lengths, misplaced dashes and non-hex digits")
    func parse() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(UUIDText.parse(uuid.uuidString) == uuid && UUIDText.parse(uuid.uuidString.lowercased()) == uuid)
        }
        let text = "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"
        #expect(UUIDText.parse(text) == UUID(uuidString: text))
        for wrong in ["", "E621E1F8C36C495A93FC0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF",
                      "E621E1F8+C36C-495A-93FC-0C247A3E6E5F", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5é"] {
            #expect(UUIDText.parse(wrong) == nil, "\(wrong)")
        }
    }

    @Test("people (managers or none), and pulses read back with their ids on both databases", arguments: TestDatabase.allCases)
    func readBack(database: TestDatabase) async throws {
        try await database.withStore { store in
            let demo = try #require(try await DemoSeeder(store: store).seedIfEmpty(history: true))
            let people = try await store.people(ids: Set(demo.people.prefix(5).map(\.id)))
            #expect(Set(people.map(\.id)) == Set(demo.people.prefix(5).map(\.id)) && people.allSatisfy { person in demo.people.contains(person) })
            // Every person, with a manager or without one (a null column), reads back whole.
            let everyone = Dictionary(uniqueKeysWithValues: try await store.people(ids: Set(demo.people.map(\.id))).map { ($0.id, $0) })
            #expect(demo.people.contains { $0.managerID == nil } && demo.people.allSatisfy { everyone[$0.id] == $0 })
            let relationships = try await store.relationships(in: try #require(try await store.cycles(of: demo.programme.id).first { $0.state == .closed }).id)
            let pulses = try await store.pulses(ofAny: relationships.map(\.id))
            #expect(!pulses.isEmpty && pulses.allSatisfy { pulse in relationships.contains { $0.id == pulse.relationshipID && $0.participants.contains(pulse.personID) } })
        }
    }
}
