import LodestarCore
import LodestarTestSupport
import Testing

@Suite("People import plan")
struct PeopleImportPlanTests {
    func plan(_ body: String, existing: [Person] = []) throws -> PeopleImportPlan {
        try PeopleImportPlan(rows: try PeopleCSV.parse(Fixtures.peopleHeader + "\n" + body), existing: existing)
    }

    @Test("writes managers before the people who report to them")
    func managersFirst() throws {
        let result = try plan("""
            P-3,C,c@example.org,,5,,P-2,,UTC,,,,,
            P-2,B,b@example.org,,7,,P-1,,UTC,,,,,
            P-1,A,a@example.org,,9,,,,UTC,,,,,
            """)
        #expect(result.inserts.map(\.externalID) == ["P-1", "P-2", "P-3"])
        #expect(result.inserts[2].managerID == result.inserts[1].id)
    }

    @Test("reports a duplicate id, a duplicate email and an unknown manager")
    func duplicatesAndUnknownManager() {
        let error = #expect(throws: CSVImportError.self) {
            try plan("""
                P-1,A,a@example.org,,9,,,,UTC,,,,,
                P-1,B,b@example.org,,7,,,,UTC,,,,,
                P-2,C,a@example.org,,7,,P-991,,UTC,,,,,
                """)
        }
        #expect(error?.issues.map(\.description) == [
            "line 2, column 3 (email): 'a@example.org' is already the email of P-2 (on line 4); emails must be unique",
            "line 3, column 1 (id): 'P-1' is already used on line 2; each person appears once",
            "line 4, column 3 (email): 'a@example.org' is already the email of P-1 (on line 2); emails must be unique",
            "line 4, column 7 (manager_id): manager 'P-991' does not exist in this file or the directory",
        ])
    }

    @Test("reports a manager loop once, and someone who manages themselves")
    func managerLoops() {
        let error = #expect(throws: CSVImportError.self) {
            try plan("""
                P-1,A,a@example.org,,9,,P-3,,UTC,,,,,
                P-2,B,b@example.org,,7,,P-1,,UTC,,,,,
                P-3,C,c@example.org,,7,,P-2,,UTC,,,,,
                P-4,D,d@example.org,,7,,P-4,,UTC,,,,,
                P-5,E,e@example.org,,7,,P-1,,UTC,,,,,
                """)
        }
        #expect(error?.issues.map(\.description) == [
            "line 2, column 7 (manager_id): manager loop: P-1 → P-3 → P-2 → P-1; someone in this chain must report elsewhere",
            "line 5, column 7 (manager_id): manager loop: P-4 → P-4; someone in this chain must report elsewhere",
        ])
    }

    @Test("finds a loop through people already in the directory")
    func loopThroughDirectory() throws {
        let existing = try plan("P-1,A,a@example.org,,9,,,,UTC,,,,,\nP-2,B,b@example.org,,7,,P-1,,UTC,,,,,").inserts
        let error = #expect(throws: CSVImportError.self) { try plan("P-1,A,a@example.org,,9,,P-2,,UTC,,,,,", existing: existing) }
        #expect(error?.issues.first?.message.contains("manager loop") == true)
    }

    @Test("updates in place by external id, keeps ids, and counts unchanged rows")
    func updatesInPlace() throws {
        let first = try plan("P-1,A,a@example.org,,9,,,,UTC,,,,,\nP-2,B,b@example.org,,7,,P-1,,UTC,,,,,")
        let second = try plan("P-1,A,a@example.org,,9,,,,UTC,,,,,\nP-2,Bea,b@example.org,,8,,P-1,,UTC,,,,,", existing: first.inserts)
        #expect(second.unchanged == 1)
        #expect(second.inserts.isEmpty)
        #expect(second.updates.map(\.name) == ["Bea"])
        #expect(second.updates[0].id == first.inserts[1].id)
    }

    @Test("columns a file leaves out keep their stored values")
    func absentColumnsKeepValues() throws {
        let first = try plan("P-1,A,a@example.org,Chief,9,Exec,,London,UTC,en,woman,,50+,")
        let rows = try PeopleCSV.parse("id,name,email,level,timezone\nP-1,A,a@example.org,10,UTC\n")
        let second = try PeopleImportPlan(rows: rows, existing: first.inserts)
        #expect(second.updates.first?.title == "Chief")
        #expect(second.updates.first?.demographics.ageBand == "50+")
        #expect(second.updates.first?.level == 10)
    }
}
