/// Who to invite to apply, and in which role: a CSV file (`person_id` or `email`, and `role`)
/// or the same as JSON items, read by one set of rules so that a bad line or item is named
/// the same way.
public enum InvitationList {
    public static let columns = ["person_id", "email", "role"]

    /// One person to invite: by HR id or email, in a role.
    public struct Item: Sendable, Equatable {
        public let person: String
        public let role: String
        /// Creates an item.
        public init(person: String, role: String) {
            self.person = person
            self.role = role
        }
    }

    /// A readable line: the person's HR id or email (with the column it came from) and the role.
    struct Line: Sendable {
        let record: CSVTable.Record
        let person: String
        let column: String
        let role: EnrolmentRole
    }

    /// Reads a file, with every field problem by line and column.
    static func read(_ text: String) throws(CSVImportError) -> (lines: [Line], issues: [CSVIssue]) {
        let table = try CSVTable(parsing: text, required: ["role"], optional: ["person_id", "email"])
        var lines: [Line] = [], issues: [CSVIssue] = []
        for record in table.records {
            let byID = record["person_id"], byEmail = record["email"]
            let column = byID.isEmpty ? "email" : "person_id"
            read(record, person: byID.isEmpty ? byEmail : byID, column: column, role: record["role"], into: &lines, &issues)
        }
        return (lines, issues)
    }

    /// Reads JSON items by the file's rules; item N is named as line N.
    static func read(_ items: [Item]) -> (lines: [Line], issues: [CSVIssue]) {
        var lines: [Line] = [], issues: [CSVIssue] = []
        for (index, item) in items.enumerated() {
            let person = item.person.trimmingCharacters(in: .whitespaces)
            read(.item(index, of: columns), person: person, column: person.contains("@") ? "email" : "person_id",
                 role: item.role.trimmingCharacters(in: .whitespaces), into: &lines, &issues)
        }
        return (lines, issues)
    }

    private static func read(_ record: CSVTable.Record, person: String, column: String, role text: String, into lines: inout [Line], _ issues: inout [CSVIssue]) {
        var problems: [CSVIssue] = []
        if person.isEmpty { problems.append(record.issue("person_id", "is empty; give the person's HR id or their email")) }
        if let issue = SingleLineText.issue(person, field: column) { problems.append(record.issue(column, issue.message)) }
        let role = EnrolmentRole(rawValue: text.lowercased())
        if role == nil { problems.append(record.issue("role", text.isEmpty ? "is empty; write mentor or mentee" : "'\(text)' is not one of mentor, mentee")) }
        issues += problems
        if let role, problems.isEmpty { lines.append(Line(record: record, person: person, column: column, role: role)) }
    }
}
