import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("People import, stored")
struct PeopleImportStoreTests {
    @Test("imports a file, and importing it again changes nothing", arguments: TestDatabase.allCases)
    func importTwice(database: TestDatabase) async throws {
        try await database.withStore { store in
            let directory = PeopleDirectory(store: store, principal: .commandLine)
            #expect(try await directory.importCSV(Fixtures.smallOrganisation, now: Date()) == ImportSummary(created: 5, updated: 0, unchanged: 0))
            let before = try await store.allPeople()
            #expect(try await directory.importCSV(Fixtures.smallOrganisation, now: Date()) == ImportSummary(created: 0, updated: 0, unchanged: 5))
            #expect(try await store.allPeople() == before)
            let zoe = try #require(try await store.person(externalID: "P-2"))
            #expect(zoe.name == "Zoë Müller")
            #expect(zoe.managerID == before.first { $0.externalID == "P-1" }?.id)
            #expect(try await store.person(externalID: "P-4")?.title == "Engineer \"Platform\"")
        }
    }

    @Test("two people swap emails in one import: the final directory is checked, the write succeeds", arguments: TestDatabase.allCases)
    func emailSwap(database: TestDatabase) async throws {
        try await database.withStore { store in
            let directory = PeopleDirectory(store: store, principal: .commandLine)
            _ = try await directory.importCSV(Fixtures.smallOrganisation, now: Date())
            let swapped = Fixtures.smallOrganisation
                .replacingOccurrences(of: "zoe@example.org", with: "SWAP").replacingOccurrences(of: "jose@example.org", with: "zoe@example.org")
                .replacingOccurrences(of: "SWAP", with: "jose@example.org")
            #expect(try await directory.importCSV(swapped, now: Date()) == ImportSummary(created: 0, updated: 2, unchanged: 3))
            #expect(try await store.person(externalID: "P-2")?.email == "jose@example.org")
            #expect(try await store.person(externalID: "P-3")?.email == "zoe@example.org")
        }
    }

    @Test("an edited file updates people in place by external id", arguments: TestDatabase.allCases)
    func editedFileUpdates(database: TestDatabase) async throws {
        try await database.withStore { store in
            let directory = PeopleDirectory(store: store, principal: .commandLine)
            _ = try await directory.importCSV(Fixtures.smallOrganisation, now: Date())
            let wei = try #require(try await store.person(externalID: "P-5"))
            let edited = Fixtures.smallOrganisation
                .replacingOccurrences(of: "P-5,Wei Chen,wei@example.org,Account Executive,5,Sales,P-3", with: "P-5,Wei Chen,wei.chen@example.org,Sales Lead,7,Sales,P-2")
                + "P-6,Kwame Mensah,kwame@example.org,Analyst,4,Sales,P-5,Singapore,Asia/Singapore,en,,,,\n"
            #expect(try await directory.importCSV(edited, now: Date()) == ImportSummary(created: 1, updated: 1, unchanged: 4))
            let updated = try #require(try await store.person(externalID: "P-5"))
            #expect(updated.id == wei.id)
            #expect(updated.email == "wei.chen@example.org" && updated.level == 7 && updated.title == "Sales Lead")
            #expect(updated.managerID == (try await store.person(externalID: "P-2"))?.id)
            #expect(try await store.person(externalID: "P-6")?.managerID == wei.id)
        }
    }

    @Test("a file with seven different mistakes gives all seven messages at once and writes nothing", arguments: TestDatabase.allCases)
    func sevenMistakes(database: TestDatabase) async throws {
        try await database.withStore { store in
            let directory = PeopleDirectory(store: store, principal: .commandLine)
            _ = try await directory.importCSV(Fixtures.smallOrganisation, now: Date())
            let before = try await store.allPeople()
            let bad = """
                \(Fixtures.peopleHeader)
                P-1,Amara Okafor,amara@example.org,Chief Executive,15,Executive,,London,Europe/London,en,,,,
                P-7,Ines Costa,ines@example.org,Analyst,five,Sales,P-3,Lisbon,Europe/Lisbon,pt,,,,
                P-8,Ola Nowak,ola@example.org,Analyst,4,Sales,P-991,Warsaw,Europe/Warsaw,pl,,,,
                P-9,Tom Berg,amara@example.org,Analyst,4,Sales,P-3,Oslo,Europe/Oslo,no,,,,
                P-10,Ana Silva,ana@example.org,Analyst,4,Sales,P-3,Lisbon,Europe/Lisbn,pt,,,,
                P-7,Rui Costa,rui@example.org,Analyst,4,Sales,P-3,Lisbon,Europe/Lisbon,pt,,,,
                P-2,Zoë Müller,zoe@example.org,Head of Engineering,13,Engineering,P-4,Berlin,Europe/Berlin,de; en,,,,
                """
            let error = await #expect(throws: CSVImportError.self) { try await directory.importCSV(bad, now: Date()) }
            #expect(error?.issues.map(\.description) == [
                "line 2, column 3 (email): 'amara@example.org' is already the email of P-9 (on line 5); emails must be unique",
                "line 3, column 5 (level): 'five' is not a whole number; write the grade, e.g. 7",
                "line 4, column 7 (manager_id): manager 'P-991' does not exist in this file or the directory",
                "line 5, column 3 (email): 'amara@example.org' is already the email of P-1 (on line 2); emails must be unique",
                "line 6, column 9 (timezone): 'Europe/Lisbn' is not an IANA time zone; write e.g. Europe/London or America/New_York",
                "line 7, column 1 (id): 'P-7' is already used on line 3; each person appears once",
                "line 8, column 7 (manager_id): manager loop: P-2 → P-4 → P-2; someone in this chain must report elsewhere",
            ])
            #expect(try await store.allPeople() == before)
        }
    }

    @Test("export writes a file that imports back to the same data", arguments: TestDatabase.allCases)
    func exportRoundTrip(database: TestDatabase) async throws {
        try await database.withStore { store in
            let directory = PeopleDirectory(store: store, principal: .commandLine)
            _ = try await directory.importCSV(Fixtures.smallOrganisation, now: Date())
            let exported = try await directory.exportCSV()
            let before = try await store.allPeople()
            #expect(try await directory.importCSV(exported, now: Date()) == ImportSummary(created: 0, updated: 0, unchanged: 5))
            try await TestDatabase.sqlite.withStore { fresh in
                _ = try await PeopleDirectory(store: fresh, principal: .commandLine).importCSV(exported, now: Date())
                let copied = try await fresh.allPeople()
                #expect(copied.map(\.externalID) == before.map(\.externalID))
                #expect(copied.map(\.email) == before.map(\.email))
                #expect(try await PeopleDirectory(store: fresh, principal: .commandLine).exportCSV() == exported)
            }
        }
    }

    @Test("searches by name, case-insensitively, and by department, with paging and a total", arguments: TestDatabase.allCases)
    func search(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let byName = try await store.people(matching: PeopleQuery(name: "zoË"), page: .everything)
            #expect(byName.items.map(\.externalID) == ["P-2"])
            let sales = try await store.people(matching: PeopleQuery(department: "Sales"), page: try PageRequest(offset: 1, limit: 1))
            #expect(sales.total == 2)
            #expect(sales.items.map(\.externalID) == ["P-5"])
            #expect(try await store.departments() == ["Engineering", "Executive", "Sales"])
        }
    }
}
