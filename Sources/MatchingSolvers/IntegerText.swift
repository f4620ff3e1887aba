/// Reads whitespace-separated integers from ASCII text quickly, remembering where each came from
/// so that a bad token can be reported by line and column.
public struct IntegerText {
    /// A token that is not an integer, or text that ends too early.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0

    /// Wraps the file's bytes.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The line of the last token read.
    public var currentLine: Int { line }

    /// True when only whitespace is left.
    public mutating func atEnd() -> Bool {
        skipSpace()
        return position >= bytes.count
    }

    /// The next integer, or an error that says where and what was found instead.
    public mutating func next(_ what: @autoclosure () -> String) throws(ParseError) -> Int64 {
        skipSpace()
        let column = position - lineStart + 1
        guard position < bytes.count else {
            throw ParseError(line: line, column: column, message: "the file ends where \(what()) was expected")
        }
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        var value: Int64 = 0
        var digits = 0
        while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[position] - 48))
            if overflow1 || overflow2 { throw ParseError(line: line, column: column, message: "\(what()) is too large") }
            value = sum
            digits += 1
            position += 1
        }
        if digits == 0 || (position < bytes.count && !Self.isSpace(bytes[position])) {
            var end = position
            while end < bytes.count && !Self.isSpace(bytes[end]) { end += 1 }
            let token = String(decoding: bytes[start..<min(end, start + 20)], as: UTF8.self)
            throw ParseError(line: line, column: column, message: "'\(token)' is not a whole number (\(what()) expected)")
        }
        return negative ? -value : value
    }

    /// How many integer tokens the text holds, without checking them.
    public func tokenCount() -> Int {
        var count = 0, inToken = false
        for byte in bytes {
            let space = Self.isSpace(byte)
            if !space && !inToken { count += 1 }
            inToken = !space
        }
        return count
    }

    private mutating func skipSpace() {
        while position < bytes.count, Self.isSpace(bytes[position]) {
            if bytes[position] == 10 { line += 1; lineStart = position + 1 }
            position += 1
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 13 || byte == 9 }
}
