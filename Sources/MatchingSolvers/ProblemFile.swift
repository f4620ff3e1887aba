/// Assignment problems as text: OR-Library dense (`n` then `n×n` costs) and sparse (`n` then
/// `row column cost` triples, 1-based; absent pairs forbidden), a dense matrix with its shape
/// (`rows cols` then one row per line), and raw little-endian int32.
public enum ProblemFile {
    /// A problem read from a file.
    public enum Costs: Sendable {
        case dense(DenseCosts)
        case sparse(SparseCosts)

        public var rowCount: Int { switch self { case .dense(let c): c.rowCount; case .sparse(let c): c.rowCount } }
        public var columnCount: Int { switch self { case .dense(let c): c.columnCount; case .sparse(let c): c.columnCount } }
    }

    /// The most rows, columns or vertices a file may declare.
    public static let maximumSize: Int64 = 1_000_000
    /// The largest weight of a general graph's edge, in absolute value.
    public static let maximumWeight: Int64 = 1_000_000_000_000

    /// Reads a text file, telling the three text formats apart by their shape.
    public static func parse(text bytes: [UInt8]) throws(IntegerText.ParseError) -> Costs {
        var reader = IntegerText(bytes)
        let tokens = reader.tokenCount()
        let first = try reader.next("the number of rows")
        guard first > 0, first <= maximumSize else { throw IntegerText.ParseError(line: 1, column: 1, message: "the size \(first) must be between 1 and 1000000") }
        let n = Int(first)
        if tokens - 1 == n * n { return .dense(try denseRows(&reader, rows: n, columns: n)) }
        if tokens >= 2 {
            var peek = reader
            let second = try peek.next("the number of columns")
            if second > 0, second <= maximumSize, tokens - 2 == n * Int(second) {
                reader = peek
                return .dense(try denseRows(&reader, rows: n, columns: Int(second)))
            }
        }
        guard (tokens - 1) % 3 == 0 else {
            throw IntegerText.ParseError(line: 1, column: 1, message: "\(tokens - 1) numbers follow the size \(n): neither \(n * n) dense costs nor whole (row, column, cost) triples")
        }
        var arcs: [(row: Int, column: Int, cost: Int32)] = []
        arcs.reserveCapacity((tokens - 1) / 3)
        while !reader.atEnd() {
            let row = try reader.next("a row number"), column = try reader.next("a column number"), cost = try reader.next("a cost")
            guard (1...Int64(n)).contains(row), (1...Int64(n)).contains(column) else {
                throw IntegerText.ParseError(line: reader.currentLine, column: 1, message: "pair (\(row), \(column)) is outside 1…\(n)")
            }
            arcs.append((Int(row) - 1, Int(column) - 1, try int32(cost, line: reader.currentLine)))
        }
        return .sparse(SparseCosts(rows: n, columns: n, arcs: arcs))
    }

    /// Reads a general graph: `n`, then `a b weight` per edge (1-based vertices).
    public static func parse(graph bytes: [UInt8]) throws(IntegerText.ParseError) -> (vertices: Int, edges: [GeneralMatching.Edge]) {
        var reader = IntegerText(bytes)
        let n = try reader.next("the number of vertices")
        guard n > 0, n <= maximumSize else { throw IntegerText.ParseError(line: 1, column: 1, message: "the size \(n) must be between 1 and 1000000") }
        var edges: [GeneralMatching.Edge] = []
        while !reader.atEnd() {
            let a = try reader.next("a vertex"), b = try reader.next("a vertex"), weight = try reader.next("a weight")
            guard (1...n).contains(a), (1...n).contains(b), a != b else {
                throw IntegerText.ParseError(line: reader.currentLine, column: 1, message: "edge (\(a), \(b)) must join two different vertices in 1…\(n)")
            }
            // Sums of a million such weights still fit the solver's 64-bit duals.
            guard abs(weight) <= maximumWeight else {
                throw IntegerText.ParseError(line: reader.currentLine, column: 1, message: "weight \(weight) is outside ±\(maximumWeight)")
            }
            edges.append(GeneralMatching.Edge(Int(a) - 1, Int(b) - 1, weight))
        }
        return (Int(n), edges)
    }

    /// Reads raw little-endian int32 costs, row by row.
    public static func parse(int32 bytes: [UInt8], rows: Int, columns: Int) throws(IntegerText.ParseError) -> DenseCosts {
        guard (1...Int(maximumSize)).contains(rows), (1...Int(maximumSize)).contains(columns) else {
            throw IntegerText.ParseError(line: 0, column: 0, message: "\(rows)×\(columns) is outside 1…\(maximumSize) rows and columns")
        }
        guard bytes.count == rows * columns * 4 else {
            throw IntegerText.ParseError(line: 0, column: 0, message: "\(bytes.count) bytes is not \(rows)×\(columns) int32 values (\(rows * columns * 4) bytes)")
        }
        var values = [Int32](repeating: 0, count: rows * columns)
        values.withUnsafeMutableBytes { $0.copyBytes(from: bytes) }
        return DenseCosts(rows: rows, columns: columns, values: values.map { Int32(littleEndian: $0) })
    }

    private static func denseRows(_ reader: inout IntegerText, rows: Int, columns: Int) throws(IntegerText.ParseError) -> DenseCosts {
        var values = [Int32](repeating: 0, count: rows * columns)
        for index in 0..<(rows * columns) {
            values[index] = try int32(try reader.next("the cost of row \(index / columns + 1), column \(index % columns + 1)"), line: reader.currentLine)
        }
        return DenseCosts(rows: rows, columns: columns, values: values)
    }

    private static func int32(_ value: Int64, line: Int) throws(IntegerText.ParseError) -> Int32 {
        guard value > Int64(Int32.min), value <= Int64(Int32.max) else {
            throw IntegerText.ParseError(line: line, column: 1, message: "cost \(value) is outside ±2147483647")
        }
        return Int32(value)
    }
}
