import Foundation

/// The HR outcomes file: one line per person of the directory (by its HR id) with the day they
/// joined, left and were last promoted, and an optional rating. A file is taken whole or not at
/// all; every problem is named with its line and column.
public enum OutcomesCSV {
    public static let requiredColumns = ["person_id"]
    public static let optionalColumns = ["hired_on", "left_on", "promoted_on", "rating"]

    /// One line: the person by HR id and what is known of them.
    public struct Row: Sendable {
        /// The line it came from, for messages.
        public let line: CSVTable.Record
        public let personExternalID: String
        public let hiredOn: Date?
        public let leftOn: Date?
        public let promotedOn: Date?
        public let rating: Int?

        public init(line: CSVTable.Record, personExternalID: String, hiredOn: Date?, leftOn: Date?, promotedOn: Date?, rating: Int?) {
            self.line = line
            self.personExternalID = personExternalID
            self.hiredOn = hiredOn
            self.leftOn = leftOn
            self.promotedOn = promotedOn
            self.rating = rating
        }
    }

    /// Reads a file; any problem refuses it, with every problem found. Days may not lie after `today`.
    public static func parse(_ text: String, today: Date) throws(CSVImportError) -> [Row] {
        let table = try CSVTable(parsing: text, required: requiredColumns, optional: optionalColumns)
        return try collect(table.records.map { record in (record, { record[$0] }) }, today: today)
    }

    /// Lines sent as JSON items (the API's import), keyed by the file's column names and checked
    /// by the same rules; item `i` stands where line `i` would.
    public static func rows(items: [[String: String]], today: Date) throws(CSVImportError) -> [Row] {
        try collect(items.enumerated().map { index, item in
            (CSVTable.Record.item(index, of: requiredColumns + optionalColumns), { (item[$0] ?? "").trimmingCharacters(in: .whitespaces) })
        }, today: today)
    }

    /// Every line checked, and no person twice; the rows, or every problem.
    private static func collect(_ lines: [(CSVTable.Record, (String) -> String)], today: Date) throws(CSVImportError) -> [Row] {
        var issues: [CSVIssue] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for (record, fields) in lines {
            let (row, rowIssues) = check(record, fields: fields, today: today)
            issues += rowIssues
            let person = fields("person_id")
            if let first = seen[person] {
                issues.append(record.issue("person_id", "'\(person)' is on line \(first) already; give each person one line"))
            } else if !person.isEmpty {
                seen[person] = record.line
            }
            if let row { rows.append(row) }
        }
        guard issues.isEmpty else { throw CSVImportError(issues) }
        return rows
    }

    /// One line's fields checked: the row, when every field reads, and the problems.
    static func check(_ line: CSVTable.Record, fields: (String) -> String, today: Date) -> (Row?, [CSVIssue]) {
        func issue(_ column: String, _ message: String) -> CSVIssue { line.issue(column, message) }
        var issues: [CSVIssue] = []
        let person = fields("person_id")
        if person.isEmpty { issues.append(issue("person_id", "is empty; give the person's id from the people file")) }
        func day(_ column: String) -> Date? {
            let text = fields(column)
            guard !text.isEmpty else { return nil }
            guard let date = CalendarDay.parse(text) else {
                issues.append(issue(column, "'\(text)' is not a day; write it as 2026-03-15"))
                return nil
            }
            if date > today {
                issues.append(issue(column, "\(text) is after today; give days that have happened"))
                return nil
            }
            return date
        }
        let hired = day("hired_on"), left = day("left_on"), promoted = day("promoted_on")
        var rating: Int?
        let ratingText = fields("rating")
        if !ratingText.isEmpty {
            if let value = Int(ratingText), EmploymentOutcome.ratings.contains(value) { rating = value } else {
                issues.append(issue("rating", "'\(ratingText)' is not a rating; give a whole number from 1 to 5, or leave it empty"))
            }
        }
        if let hired, let left, left < hired { issues.append(issue("left_on", "is before hired_on; someone leaves after joining")) }
        if let hired, let promoted, promoted < hired { issues.append(issue("promoted_on", "is before hired_on; a promotion comes after joining")) }
        if let left, let promoted, promoted > left { issues.append(issue("promoted_on", "is after left_on; a promotion comes before leaving")) }
        guard issues.isEmpty else { return (nil, issues) }
        return (Row(line: line, personExternalID: person, hiredOn: hired, leftOn: left, promotedOn: promoted, rating: rating), [])
    }
}
