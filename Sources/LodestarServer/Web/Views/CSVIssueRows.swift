import LodestarCore

/// A refused file's problems as the `csv-issues` partial shows them: line, column, message.
enum CSVIssueRows {
    struct Row { let line: Int; let column: String; let message: String }

    /// The first problems as rows, and how many there are in words.
    static func first(_ all: [CSVIssue]) -> ([Row], String) {
        let rows = all.prefix(ImportPreview.shown).map { issue in
            let column = issue.column.map { column in issue.field.map { "\(column) (\($0))" } ?? String(column) }
            return Row(line: issue.line, column: column ?? "—", message: issue.message)
        }
        let count = all.count > ImportPreview.shown ? "the first \(ImportPreview.shown) of \(all.count) problems" : "\(all.count) problem\(all.count == 1 ? "" : "s")"
        return (rows, count)
    }
}
