import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("HR outcomes and a programme's outcome lift")
struct OutcomesStoreTests {
    static let today = CalendarDay.parse("2026-11-30")!

    @Test("an outcomes file is taken whole or not at all, a person's record replaced by their next line, the import attributed",
          arguments: TestDatabase.allCases)
    func importAllOrNothing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            let admin = try await UseCaseAccessStoreTests.demoAdmin(store)
            let (a, b, c) = (demo.people[3].externalID, demo.people[4].externalID, demo.people[5].externalID)
            let outcomes = Outcomes(store: store, principal: admin)
            let first = try await outcomes.importCSV("person_id,hired_on,left_on,promoted_on,rating\n\(a),2018-01-15,,2025-06-01,4\n\(b),2020-03-01,2025-09-30,,\n",
                                                     now: Self.today)
            #expect(first == OutcomeImportSummary(created: 2, replaced: 0))
            let record = try await outcomes.record()
            #expect(record.people == 2 && record.imported?.by.contains("admin@lodestar.example") == true && record.imported?.at == Self.today)

            // One unknown person and one bad day: nothing of the file is written, and what was stored stays.
            let refused = await #expect(throws: CSVImportError.self) {
                try await outcomes.importCSV("rating,person_id,left_on\n3,\(c),\n2,P-NOBODY,\n5,\(a),2025-13-01\n", now: Self.today)
            }
            #expect(refused?.issues.map(\.description) == [
                "line 4, column 3 (left_on): '2025-13-01' is not a day; write it as 2026-03-15",
            ], "a file's own problems come first; the directory is asked once they are fixed")
            let unknown = await #expect(throws: CSVImportError.self) {
                try await outcomes.importCSV("rating,person_id\n3,\(c)\n2,P-NOBODY\n", now: Self.today)
            }
            #expect(unknown?.issues.map(\.description) == [
                "line 3, column 2 (person_id): no one in the people directory has the id 'P-NOBODY'; import them with the people file first",
            ])
            #expect(try await store.workforce().count == 2)

            let second = try await outcomes.importItems([["person_id": a, "left_on": "2026-10-01"], ["person_id": c, "hired_on": "2024-02-29"]], now: Self.today)
            #expect(second == OutcomeImportSummary(created: 1, replaced: 1))
            let stored = Dictionary(uniqueKeysWithValues: try await store.workforce().map { ($0.outcome.personID, $0) })
            let aRecord = try #require(stored[demo.people[3].id]).outcome
            #expect(stored.count == 3 && aRecord.leftOn == CalendarDay.parse("2026-10-01") && aRecord.hiredOn == nil && aRecord.rating == nil,
                    "a person's new line replaces their record whole")
            #expect(stored[demo.people[4].id]?.outcome.leftOn == CalendarDay.parse("2025-09-30") && stored[demo.people[4].id]?.department == demo.people[4].department)

            await #expect(throws: AccessDenied.self) { try await Outcomes(store: store, principal: manager).importCSV("person_id\n\(c)\n", now: Self.today) }
        }
    }

    @Test("the demo's pilot is a cohort: its twelve mentees against the people who did not take part by the year's end; others may not read it",
          arguments: TestDatabase.allCases)
    func demoLift(database: TestDatabase) async throws {
        try await database.withStore { store in
            let demo = try #require(try await DemoSeeder(store: store).seedIfEmpty(history: true))
            let now = Date()
            let signIns = try await DemoAccounts(store: store, credentials: TestAccounts.credentials).ensure(now: now)
            let authentication = Authentication(store: store, credentials: TestAccounts.credentials)
            func principal(_ prefix: String) async throws -> Principal {
                let signIn = try #require(signIns.first { $0.role.hasPrefix(prefix) })
                return try await authentication.principal(for: try #require(try await store.account(email: signIn.email)))
            }
            let manager = try await principal("programme manager"), mentee = try await principal("mentee")
            let lift = try await Outcomes(store: store, principal: manager).lift(of: demo.programme.id, now: now)
            #expect(lift.cohorts.map(\.cycle.name) == ["2026 pilot"] && lift.cohorts.map(\.mentees) == [12], "the cycle still enrolling is no cohort")
            #expect(lift.record.people == demo.people.count)
            let retention = try #require(lift.lift.retention.measure, "the demo has enough people to compare: \(lift.lift)")
            #expect(retention.participants + lift.lift.withoutComparison + lift.lift.withoutRecord == 12)
            // Only people alike in level band, department and tenure stand as the comparison, and none of the pilot's 24.
            #expect(retention.comparison >= OutcomeLift.minimumGroup && retention.comparison <= demo.people.count - 24, "\(lift.lift)")
            #expect(retention.low <= retention.difference && retention.difference <= retention.high)
            await #expect(throws: AccessDenied.self) { try await Outcomes(store: store, principal: mentee).lift(of: demo.programme.id, now: now) }
            await #expect(throws: AccessDenied.self) { try await Outcomes(store: store, principal: mentee).record() }
            await #expect(throws: NotFound.self) { try await Outcomes(store: store, principal: manager).lift(of: Programme.ID(), now: now) }
        }
    }
}
