/// The people CSV format: columns, parsing into records, and export.
public enum PeopleCSV {
    /// Columns every file must have.
    public static let requiredColumns = ["id", "name", "email", "level", "timezone"]
    /// Columns a file may have; when absent, stored values are kept.
    public static let optionalColumns = ["title", "department", "manager_id", "location", "languages",
                                         "gender", "ethnicity", "age_band", "disability"]
    /// The column order of an export.
    public static let exportColumns = ["id", "name", "email", "title", "level", "department", "manager_id",
                                       "location", "timezone", "languages", "gender", "ethnicity", "age_band", "disability"]

    /// A record and the line it came from.
    public struct Row: Sendable {
        public let line: CSVTable.Record
        public let record: PersonRecord
    }

    /// Parses a people file, refusing it if any field is wrong.
    public static func parse(_ text: String) throws(CSVImportError) -> [Row] {
        let (rows, issues) = try read(text)
        guard issues.isEmpty else { throw CSVImportError(issues) }
        return rows
    }

    /// Reads every line of a people file, with the field problems of each; only a broken file
    /// (header, field counts) is refused outright, so that cross-line checks can still run.
    public static func read(_ text: String) throws(CSVImportError) -> (rows: [Row], issues: [CSVIssue]) {
        let table = try CSVTable(parsing: text, required: requiredColumns, optional: optionalColumns)
        var rows: [Row] = []
        var issues: [CSVIssue] = []
        for line in table.records {
            let optional = { (column: String) in line.has(column) ? line[column] : nil }
            let levelText = line["level"]
            let level = Int(levelText)
            if level == nil { issues.append(line.issue("level", "'\(levelText)' is not a whole number; write the grade, e.g. 7")) }
            let record = PersonRecord(
                externalID: line["id"], name: line["name"], email: line["email"].lowercased(), title: optional("title"),
                level: level ?? PersonRules.levels.lowerBound, department: optional("department"),
                managerExternalID: optional("manager_id"), location: optional("location"), timeZone: line["timezone"],
                languages: optional("languages").map(ListField.split),
                demographics: .init(gender: optional("gender"), ethnicity: optional("ethnicity"),
                                    ageBand: optional("age_band"), disability: optional("disability"))
            )
            issues += PersonRules.issues(in: record).filter { $0.field != "level" || level != nil }
                .map { line.issue($0.field, $0.message) }
            rows.append(Row(line: line, record: record))
        }
        return (rows, issues)
    }

    /// People sent as JSON items, checked by the same field rules as the file's lines.
    public static func rows(items records: [PersonRecord]) -> (rows: [Row], issues: [CSVIssue]) {
        var issues: [CSVIssue] = []
        let rows = records.enumerated().map { index, record in
            let line = CSVTable.Record.item(index, of: exportColumns)
            issues += PersonRules.issues(in: record).map { line.issue($0.field, $0.message) }
            return Row(line: line, record: record)
        }
        return (rows, issues)
    }

    /// The directory as a CSV file that imports back to the same data.
    public static func export(_ people: [Person]) -> String {
        let externalIDs = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.externalID) })
        let rows = people.sorted { $0.externalID < $1.externalID }.map { person in
            [person.externalID, person.name, person.email, person.title, String(person.level), person.department,
             person.managerID.flatMap { externalIDs[$0] } ?? "", person.location, person.timeZone,
             ListField.join(person.languages), person.demographics.gender, person.demographics.ethnicity,
             person.demographics.ageBand, person.demographics.disability]
        }
        return CSVText.write(header: exportColumns, rows: rows)
    }
}
