import LodestarCore
import LodestarTestSupport
import Testing

@Suite("People CSV")
struct PeopleCSVTests {
    @Test("reads quoted commas, quoted quotes and UTF-8 names")
    func readsQuotedFields() throws {
        let rows = try PeopleCSV.parse(Fixtures.smallOrganisation)
        #expect(rows.count == 5)
        #expect(rows[1].record.name == "Zoë Müller")
        #expect(rows[1].record.title == "Head of Engineering, Platform")
        #expect(rows[1].record.languages == ["de", "en"])
        #expect(rows[3].record.title == "Engineer \"Platform\"")
        #expect(rows.map(\.line.line) == [2, 3, 4, 5, 6])
    }

    @Test("a line break inside a quoted title is refused on the line the record starts; later lines keep the editor's numbers")
    func lineBreakInQuotes() {
        let text = """
            \(Fixtures.peopleHeader)
            P-1,Amara,amara@example.org,"Chief
            Executive",15,Exec,,London,Europe/London,en,,,,
            P-2,Zoë,zoe@example.org,Head,x,Eng,P-1,Berlin,Europe/Berlin,en,,,,
            """
        let error = #expect(throws: CSVImportError.self) { try PeopleCSV.parse(text) }
        #expect(error?.issues.map(\.description) == [
            "line 2, column 4 (title): must be one line: remove line breaks, NUL and other control characters",
            "line 4, column 5 (level): 'x' is not a whole number; write the grade, e.g. 7",
        ])
    }

    @Test("reports every field problem with its line and column")
    func reportsFieldProblems() {
        let text = """
            \(Fixtures.peopleHeader)
            P-1,Amara,amara@example.org,CEO,senior,Exec,,London,Europe/London,en,,,,
            P-2,,zoe-at-example.org,Head,13,Eng,P-1,Berlin,Europe/Berlin,en,,,,
            P-3,José,jose@example.org,Head,13,Sales,P-1,Nowhere,Mars/Olympus,english,,,,
            """
        let error = #expect(throws: CSVImportError.self) { try PeopleCSV.parse(text) }
        let described = error?.issues.map(\.description) ?? []
        #expect(described == [
            "line 2, column 5 (level): 'senior' is not a whole number; write the grade, e.g. 7",
            "line 3, column 2 (name): is empty",
            "line 3, column 3 (email): 'zoe-at-example.org' is not an email address like name@example.org",
            "line 4, column 9 (timezone): 'Mars/Olympus' is not an IANA time zone; write e.g. Europe/London or America/New_York",
            "line 4, column 10 (languages): 'english' is not an ISO 639-1 language code like en, fr or pt-BR",
        ])
    }

    @Test("refuses a header with a missing required column, an unknown column or a repeated one")
    func refusesBadHeaders() {
        let error = #expect(throws: CSVImportError.self) {
            try PeopleCSV.parse("id,name,email,level,levle,name\nP-1,A,a@example.org,3,3,A\n")
        }
        #expect(error?.issues.map(\.description) == [
            "line 1: required column 'timezone' is missing from the header",
            "line 1, column 5 (levle): unknown column 'levle'; expected columns are id, name, email, level, timezone, title, department, manager_id, location, languages, gender, ethnicity, age_band, disability",
            "line 1, column 6 (name): column 'name' appears twice",
        ])
    }

    @Test("refuses a line with the wrong number of fields and an empty file")
    func refusesRaggedLines() {
        let ragged = #expect(throws: CSVImportError.self) {
            try PeopleCSV.parse("id,name,email,level,timezone\nP-1,A,a@example.org,3\n")
        }
        #expect(ragged?.issues.first?.description
                == "line 2, column 5 (timezone): has 4 fields but the header has 5: 'timezone' and the columns after it are missing; check for a missing comma, an extra comma or an unclosed quote")
        let long = #expect(throws: CSVImportError.self) {
            try PeopleCSV.parse("id,name,email,level,timezone\nP-1,A,a@example.org,3,UTC,extra\nP-2,B,b@example.org,3\n")
        }
        #expect(long?.issues.map { "\($0.line):\($0.column ?? 0)" } == ["2:6", "3:5"], "every ragged line, each with its column")
        let empty = #expect(throws: CSVImportError.self) { try PeopleCSV.parse("") }
        #expect(empty?.issues.first?.line == 1)
    }

    @Test("skips blank lines but keeps counting them, and accepts a byte-order mark and CRLF")
    func blankLinesAndCRLF() throws {
        let text = "\u{FEFF}id,name,email,level,timezone\r\n\r\nP-1,A,a@example.org,3,UTC\r\nP-2,B,b@example.org,x,UTC\r\n"
        let error = #expect(throws: CSVImportError.self) { try PeopleCSV.parse(text) }
        #expect(error?.issues.map(\.line) == [4])
    }

    @Test("export writes every column and parses back to the same people")
    func exportRoundTrip() throws {
        let rows = try PeopleCSV.parse(Fixtures.smallOrganisation)
        let plan = try PeopleImportPlan(rows: rows, existing: [])
        let exported = PeopleCSV.export(plan.inserts)
        let again = try PeopleImportPlan(rows: try PeopleCSV.parse(exported), existing: plan.inserts)
        #expect(again.unchanged == 5)
        #expect(again.inserts.isEmpty && again.updates.isEmpty)
        #expect(exported.hasPrefix(PeopleCSV.exportColumns.joined(separator: ",") + "\r\n"))
        #expect(exported.contains("\"Head of Engineering, Platform\""))
    }
}
