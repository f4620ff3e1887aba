/// Costs of pairing rows with columns. A pair without a cost is forbidden.
public protocol AssignmentCosts: Sendable {
    var rowCount: Int { get }
    var columnCount: Int { get }
    /// Calls `body(column, cost)` for every admissible column of `row`.
    func forEachArc(ofRow row: Int, _ body: (Int, Int64) -> Void)
    /// The cost of one pair, or nil when it is forbidden.
    func cost(row: Int, column: Int) -> Int64?
    /// The smallest and largest admissible cost, or nil when no pair is admissible.
    var costRange: ClosedRange<Int64>? { get }
}

/// A full matrix of costs, row by row; `DenseCosts.forbidden` marks a forbidden pair.
public struct DenseCosts: AssignmentCosts {
    /// The marker of a forbidden pair.
    public static let forbidden = Int32.min
    public let rowCount: Int
    public let columnCount: Int
    /// Row-major costs.
    public let values: [Int32]
    /// True when some pair is forbidden (the solver skips the check otherwise).
    public let hasForbiddenPairs: Bool
    public let costRange: ClosedRange<Int64>?

    /// Wraps `values` (row-major, `rows × columns`).
    public init(rows: Int, columns: Int, values: [Int32]) {
        precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix needs \(rows * columns) costs, not \(values.count)")
        rowCount = rows
        columnCount = columns
        self.values = values
        // One pass for both: the forbidden marker is the lowest Int32, so it shows as the minimum.
        var low = Int32.max, high = Int32.min, lowestAdmissible = Int32.max
        for cost in values {
            low = min(low, cost)
            high = max(high, cost)
        }
        hasForbiddenPairs = low == Self.forbidden
        if hasForbiddenPairs {
            high = Int32.min
            for cost in values where cost != Self.forbidden {
                lowestAdmissible = min(lowestAdmissible, cost)
                high = max(high, cost)
            }
            low = lowestAdmissible
        }
        costRange = low <= high ? Int64(low)...Int64(high) : nil
    }

    @inlinable
    public func forEachArc(ofRow row: Int, _ body: (Int, Int64) -> Void) {
        values.withUnsafeBufferPointer { all in
            let base = row * columnCount
            if hasForbiddenPairs {
                for column in 0..<columnCount {
                    let cost = all[base + column]
                    if cost != Self.forbidden { body(column, Int64(cost)) }
                }
            } else {
                for column in 0..<columnCount { body(column, Int64(all[base + column])) }
            }
        }
    }

    public func cost(row: Int, column: Int) -> Int64? {
        let cost = values[row * columnCount + column]
        return cost == Self.forbidden ? nil : Int64(cost)
    }
}

/// Only the admissible pairs, row by row (compressed sparse rows).
public struct SparseCosts: AssignmentCosts {
    public let rowCount: Int
    public let columnCount: Int
    /// Row `r`'s arcs are `rowStart[r] ..< rowStart[r + 1]`.
    public let rowStart: [Int]
    public let columns: [Int32]
    public let costs: [Int32]

    /// Builds the rows from (row, column, cost) triples in any order; a repeated pair keeps its lowest cost.
    public init(rows: Int, columns columnCount: Int, arcs: [(row: Int, column: Int, cost: Int32)]) {
        var perRow = [[(Int32, Int32)]](repeating: [], count: rows)
        for arc in arcs { perRow[arc.row].append((Int32(arc.column), arc.cost)) }
        var start = [0]
        var columns: [Int32] = []
        var costs: [Int32] = []
        for var row in perRow {
            row.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var previous: Int32 = -1
            for (column, cost) in row where column != previous {
                columns.append(column)
                costs.append(cost)
                previous = column
            }
            start.append(columns.count)
        }
        rowCount = rows
        self.columnCount = columnCount
        rowStart = start
        self.columns = columns
        self.costs = costs
    }

    @inlinable
    public func forEachArc(ofRow row: Int, _ body: (Int, Int64) -> Void) {
        columns.withUnsafeBufferPointer { columns in
            costs.withUnsafeBufferPointer { costs in
                for arc in rowStart[row]..<rowStart[row + 1] { body(Int(columns[arc]), Int64(costs[arc])) }
            }
        }
    }

    public func cost(row: Int, column: Int) -> Int64? {
        let arcs = rowStart[row]..<rowStart[row + 1]
        var low = arcs.lowerBound, high = arcs.upperBound
        while low < high {
            let middle = (low + high) / 2
            if columns[middle] < column { low = middle + 1 } else { high = middle }
        }
        return low < arcs.upperBound && columns[low] == column ? Int64(costs[low]) : nil
    }

    public var costRange: ClosedRange<Int64>? {
        guard let low = costs.min(), let high = costs.max() else { return nil }
        return Int64(low)...Int64(high)
    }
}
