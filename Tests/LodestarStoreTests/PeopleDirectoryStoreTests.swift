import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("People directory use cases, stored")
struct PeopleDirectoryStoreTests {
    let record = PersonRecord(externalID: "P-6", name: "Kwame Mensah", email: "kwame@example.org", level: 6,
                              managerExternalID: "P-4", timeZone: "Africa/Accra")

    @Test("creates a person under an existing manager and shows the reporting line", arguments: TestDatabase.allCases)
    func createAndReportingLine(database: TestDatabase) async throws {
        try await database.withStore { store in
            let directory = PeopleDirectory(store: store, principal: .commandLine)
            _ = try await directory.importCSV(Fixtures.smallOrganisation, now: Date())
            let kwame = try await directory.create(record)
            #expect(try await directory.reportingLine(of: kwame).map(\.externalID) == ["P-4", "P-2", "P-1"])
        }
    }

    @Test("refuses a duplicate id or email, an unknown manager and bad fields, all at once", arguments: TestDatabase.allCases)
    func refusesCreate(database: TestDatabase) async throws {
        try await database.withStore { store in
            let directory = PeopleDirectory(store: store, principal: .commandLine)
            _ = try await directory.importCSV(Fixtures.smallOrganisation, now: Date())
            var bad = record
            bad.externalID = "P-1"
            bad.email = "zoe@example.org"
            bad.managerExternalID = "P-77"
            bad.timeZone = "Mars/Base"
            let error = await #expect(throws: ValidationError.self) { try await directory.create(bad) }
            #expect(error?.issues.map(\.field) == ["timezone", "id", "email", "manager_id"])
            #expect(try await store.allPeople().count == 5)
        }
    }

    @Test("refuses an update that would make a manager loop, and keeps what was stored", arguments: TestDatabase.allCases)
    func refusesLoop(database: TestDatabase) async throws {
        try await database.withStore { store in
            let directory = PeopleDirectory(store: store, principal: .commandLine)
            _ = try await directory.importCSV(Fixtures.smallOrganisation, now: Date())
            let zoe = try #require(try await store.person(externalID: "P-2"))
            let change = PersonRecord(externalID: "P-2", name: zoe.name, email: zoe.email, level: zoe.level, managerExternalID: "P-4", timeZone: zoe.timeZone)
            let error = await #expect(throws: ValidationError.self) { try await directory.update(zoe.id, with: change) }
            #expect(error?.issues.map(\.description) == ["manager_id: 'P-4' reports to P-2, so this would make a manager loop"])
            #expect(try await store.person(zoe.id) == zoe)
            await #expect(throws: NotFound.self) { try await directory.update(Person.ID(), with: change) }
        }
    }
}
