import CSV
import Foundation

/// A problem at one place of a CSV file: line (1 = header) and, where it applies, column.
public struct CSVIssue: Error, Equatable, Sendable, Codable, CustomStringConvertible {
    public let line: Int
    /// 1-based column position, when the problem belongs to one column.
    public let column: Int?
    /// The column's header name, when the problem belongs to one column.
    public let field: String?
    public let message: String

    /// Creates an issue.
    public init(line: Int, column: Int? = nil, field: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        guard let column, let field else { return "line \(line): \(message)" }
        return "line \(line), column \(column) (\(field)): \(message)"
    }
}

/// A refused CSV file: every problem found, in file order. Nothing of the file was written.
public struct CSVImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public let issues: [CSVIssue]
    /// Creates an error; issues are sorted by line and column.
    public init(_ issues: [CSVIssue]) {
        self.issues = issues.sorted { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
    }
    public var description: String {
        "\(issues.count) problem\(issues.count == 1 ? "" : "s") found; nothing was imported:\n"
            + issues.map { "  " + $0.description }.joined(separator: "\n")
    }
}

/// A parsed CSV file whose records know the physical line they start on, so messages point
/// at the line a spreadsheet or editor shows, even when quoted fields contain line breaks.
public struct CSVTable: Sendable {
    /// One data record.
    public struct Record: Sendable {
        public let line: Int
        let fields: [String: String]
        let table: CSVTable.Header

        /// The trimmed value of `column`, or "" when the column is absent.
        public subscript(column: String) -> String {
            fields[column]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }

        /// True when the file has this column at all (absent optional columns keep stored values).
        public func has(_ column: String) -> Bool { fields[column] != nil }

        /// Item `index` of a JSON array, standing where a line of a file would (its line is the
        /// index), so that items are checked by the same rules and named in the same messages.
        static func item(_ index: Int, of columns: [String]) -> Record {
            Record(line: index, fields: [:], table: Header(names: columns))
        }

        /// An issue about `column` on this record's line.
        public func issue(_ column: String, _ message: String) -> CSVIssue {
            CSVIssue(line: line, column: table.position(of: column), field: column, message: message)
        }
    }

    struct Header: Sendable {
        let names: [String]
        func position(of column: String) -> Int? { names.firstIndex(of: column).map { $0 + 1 } }
    }

    public let records: [Record]

    /// Parses `text`, requiring the `required` columns and accepting only `known` ones.
    public init(parsing text: String, required: [String], optional: [String]) throws(CSVImportError) {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false)
        } catch {
            throw CSVImportError([CSVIssue(line: 1, message: "the file is not readable CSV text (UTF-8 expected)")])
        }
        guard let headerRow = reader.next(), headerRow != [""] else {
            throw CSVImportError([CSVIssue(line: 1, message: "the file is empty; the first line must name the columns: \((required + optional).joined(separator: ","))")])
        }
        let names = headerRow.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let header = Header(names: names)
        var issues: [CSVIssue] = []
        for missing in required where !names.contains(missing) {
            issues.append(CSVIssue(line: 1, message: "required column '\(missing)' is missing from the header"))
        }
        for (index, name) in names.enumerated() where !(required + optional).contains(name) {
            issues.append(CSVIssue(line: 1, column: index + 1, field: name, message: "unknown column '\(name)'; expected columns are \((required + optional).joined(separator: ", "))"))
        }
        for (index, name) in names.enumerated() where names.firstIndex(of: name) != index {
            issues.append(CSVIssue(line: 1, column: index + 1, field: name, message: "column '\(name)' appears twice"))
        }
        guard issues.isEmpty else { throw CSVImportError(issues) }

        var line = 1 + Self.lineBreaks(in: headerRow) + 1
        var records: [Record] = []
        while let row = reader.next() {
            defer { line += 1 + Self.lineBreaks(in: row) }
            if row == [""] { continue } // a blank line
            guard row.count == names.count else {
                issues.append(Self.fieldCountIssue(row.count, names, line: line))
                continue
            }
            records.append(Record(line: line, fields: Dictionary(uniqueKeysWithValues: zip(names, row)), table: header))
        }
        guard issues.isEmpty else { throw CSVImportError(issues) }
        self.records = records
    }

    /// A row of the wrong length, with the column where it goes wrong: the first one missing,
    /// or the first one past the header's last.
    private static func fieldCountIssue(_ count: Int, _ names: [String], line: Int) -> CSVIssue {
        let hint = "check for a missing comma, an extra comma or an unclosed quote"
        if count < names.count {
            return CSVIssue(line: line, column: count + 1, field: names[count],
                            message: "has \(count) fields but the header has \(names.count): '\(names[count])' and the columns after it are missing; \(hint)")
        }
        return CSVIssue(line: line, column: names.count + 1, field: "(beyond \(names[names.count - 1]))",
                        message: "has \(count) fields but the header has \(names.count): field \(names.count + 1) has no column; \(hint)")
    }

    private static func lineBreaks(in row: [String]) -> Int {
        row.reduce(0) { count, field in count + field.reduce(0) { $1 == "\n" || $1 == "\r\n" || $1 == "\r" ? $0 + 1 : $0 } }
    }
}

/// Reads and writes CSV text: UTF-8 in, RFC 4180 quoting and formula-safe cells out.
public enum CSVText {
    /// The text of a file, or the first line that is not UTF-8.
    public static func decode(_ data: Data) throws(CSVImportError) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        var line = 1, column = 1
        for chunk in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(data: Data(chunk), encoding: .utf8) == nil {
                // The characters before the first byte that isn't UTF-8.
                column = String(decoding: chunk, as: UTF8.self).prefix { $0 != "\u{FFFD}" }.count + 1
                break
            }
            line += 1
        }
        throw CSVImportError([CSVIssue(line: line, column: column, field: "text",
                                       message: "is not UTF-8 text; save the file as CSV UTF-8 (in a spreadsheet: Save As, CSV UTF-8)")])
    }

    /// A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
    /// leading apostrophe, as OWASP's CSV-injection rule says, so opening an export runs nothing.
    public static func formulaSafe(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        return "'" + cell
    }

    /// The CSV text of a header and rows, each line ended by CRLF as RFC 4180 says.
    public static func write(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            // A header can hold names people gave (a programme's cycles): it is made as safe as the rows.
            try writer.write(row: header.map(formulaSafe))
            for row in rows { try writer.write(row: row.map(formulaSafe)) }
        } catch {
            // Writing to memory fails only if memory does; what was written is returned.
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
