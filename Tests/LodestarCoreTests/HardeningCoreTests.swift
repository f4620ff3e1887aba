import Foundation
import LodestarCore
import Testing

@Suite("Rules against careless and hostile input")
struct HardeningCoreTests {
    @Test("availability slots that overlap or repeat are merged, so no minute counts twice")
    func availabilityMerges() throws {
        let parsed = try WeeklyAvailability.parse("mon 09:00-11:00; mon 10:00-12:00; mon 09:00-11:00; tue 08:00-09:00; mon 12:00-12:30")
        #expect(parsed.text == "mon 09:00-12:30; tue 08:00-09:00")
        #expect(parsed.minutesPerWeek == 270)
        let decoded = try JSONDecoder().decode(WeeklyAvailability.self, from: Data(#"{"slots":[{"day":"wed","startMinute":600,"endMinute":700},{"day":"wed","startMinute":600,"endMinute":700}]}"#.utf8))
        #expect(decoded.slots.count == 1 && decoded.minutesPerWeek == 100)
    }

    @Test("language codes are ISO 639-1, with an optional region", arguments: [("en", true), ("pt-BR", true), ("zh", true), ("xx", false), ("eng", false), ("english", false), ("e1", false)])
    func languageCodes(code: String, valid: Bool) {
        let record = PersonRecord(externalID: "P-1", name: "A", email: "a@example.org", level: 3, timeZone: "UTC", languages: [code])
        #expect(PersonRules.issues(in: record).contains { $0.field == "languages" } == !valid)
    }

    @Test("a matching weight outside 0…100 is refused, naming the criterion", arguments: [1e308, -1, .infinity, .nan, 100.5])
    func weightsInRange(weight: Double) {
        let weights = MatchWeights(values: [.goalSkillFit: weight, .location: 1])
        #expect(weights.issues.map(\.field) == ["matching.weights.goal-skill-fit"])
    }

    @Test("text for one line refuses CR, LF, NUL and other control characters", arguments: ["a\rb", "a\nb", "a\u{0}b", "a\u{1B}b", "a\u{2028}b"])
    func singleLine(text: String) {
        #expect(SingleLineText.issue(text, field: "name")?.field == "name")
        #expect(SingleLineText.issue("Zoë Müller, Head of Sales", field: "name") == nil)
    }

    @Test("CSV exports neutralise cells a spreadsheet would run as formulas")
    func formulaSafe() throws {
        let cells = ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "plain, with comma", "a=b"]
        let header = cells.indices.map { "c\($0)" }
        let table = try CSVTable(parsing: CSVText.write(header: header, rows: [cells]), required: header, optional: [])
        let written = try #require(table.records.first)
        #expect(header.map { written[$0] } == ["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\tx", "'\rx", "plain, with comma", "a=b"])
    }

    @Test("a file that isn't UTF-8 is refused with the first line that isn't")
    func notUTF8() {
        var data = Data("id,name\nP-1,Ana\nP-2,Jo".utf8)
        data.append(0xE3)
        let error = #expect(throws: CSVImportError.self) { try CSVText.decode(data) }
        #expect(error?.issues.first?.line == 3)
    }
}
