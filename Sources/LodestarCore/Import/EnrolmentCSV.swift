/// The enrolment CSV format: one line per person and role in a cycle, with the M3 profile.
public enum EnrolmentCSV {
    /// Columns every file must have.
    public static let requiredColumns = ["person_id", "role"]
    /// Profile columns; an absent or empty one means "none".
    public static let optionalColumns = ProfileFields.names

    /// A parsed line: who, in which role, with which profile (nil when the profile has a problem).
    public struct Row: Sendable {
        public let line: CSVTable.Record
        public let personExternalID: String
        public let role: EnrolmentRole
        public let profile: MentoringProfile?
    }

    /// One enrolment sent as a JSON item: the person by HR id, the role, the profile.
    public struct Item: Sendable {
        public let personExternalID: String
        public let role: EnrolmentRole
        public let profile: MentoringProfile
        /// Creates an item.
        public init(personExternalID: String, role: EnrolmentRole, profile: MentoringProfile) {
            self.personExternalID = personExternalID
            self.role = role
            self.profile = profile
        }
    }

    /// Enrolments sent as JSON items, checked by the same rules as the file's lines.
    public static func rows(items: [Item], competencies: Set<String>) -> (rows: [Row], issues: [CSVIssue]) {
        var issues: [CSVIssue] = []
        var rows: [Row] = []
        for (index, item) in items.enumerated() {
            let line = CSVTable.Record.item(index, of: requiredColumns + optionalColumns)
            let personID = item.personExternalID.trimmingCharacters(in: .whitespaces)
            var itemIssues = ProfileRules.issues(in: item.profile, role: item.role, competencies: competencies).map { line.issue($0.field, $0.message) }
            if personID.isEmpty { itemIssues.append(line.issue("person_id", "is empty; give the person's id from the people directory")) }
            issues += itemIssues
            if !personID.isEmpty {
                rows.append(Row(line: line, personExternalID: personID, role: item.role, profile: itemIssues.isEmpty ? item.profile : nil))
            }
        }
        return (rows, issues)
    }

    /// Parses an enrolment file, refusing it if any field is wrong.
    public static func parse(_ text: String, competencies: Set<String>) throws(CSVImportError) -> [Row] {
        let (rows, issues) = try read(text, competencies: competencies)
        guard issues.isEmpty else { throw CSVImportError(issues) }
        return rows
    }

    /// Reads every line, with the field problems of each; lines whose person and role are readable
    /// are returned so that cross-line checks (unknown people, duplicates) still run.
    public static func read(_ text: String, competencies: Set<String>) throws(CSVImportError) -> (rows: [Row], issues: [CSVIssue]) {
        let table = try CSVTable(parsing: text, required: requiredColumns, optional: optionalColumns)
        var rows: [Row] = []
        var issues: [CSVIssue] = []
        for line in table.records {
            var lineIssues: [CSVIssue] = []
            func field<T>(_ column: String, _ parse: (String) throws(FieldProblem) -> T) -> T? {
                do { return try parse(line[column]) } catch {
                    lineIssues.append(line.issue(column, error.message))
                    return nil
                }
            }
            if line["person_id"].isEmpty { lineIssues.append(line.issue("person_id", "is empty; give the person's id from the people file")) }
            let role = field("role") { text throws(FieldProblem) in
                guard let role = try ProfileRules.choice(text, as: EnrolmentRole.self) else { throw FieldProblem("is empty; write mentor or mentee") }
                return role
            }
            guard let role else {
                issues += lineIssues
                continue
            }
            let (profile, profileIssues) = ProfileFields.parse({ line[$0] }, role: role, competencies: competencies)
            lineIssues += profileIssues.map { line.issue($0.field, $0.message) }
            issues += lineIssues
            if !line["person_id"].isEmpty {
                rows.append(Row(line: line, personExternalID: line["person_id"], role: role, profile: lineIssues.isEmpty ? profile : nil))
            }
        }
        return (rows, issues)
    }
}
