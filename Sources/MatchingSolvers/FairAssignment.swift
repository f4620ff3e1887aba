/// The fairness variant: the worst assigned cost as low as possible (with as many rows assigned as
/// the unrestricted problem allows), then the total as low as possible.
public enum FairAssignment {
    /// The answer: an optimal assignment among those whose worst cost is `worstCost`.
    public struct Result: Sendable, Equatable {
        public let assignment: Assignment
        /// The smallest possible worst cost; nil when nothing can be assigned.
        public let worstCost: Int64?
        /// How many rows the next lower threshold could assign (fewer), which proves `worstCost` minimal.
        public let assignableBelowWorst: Int?
    }

    /// Solves the bottleneck-then-total problem.
    public static func solve<Costs: AssignmentCosts>(_ costs: Costs, capacities: [Int]) throws(AssignmentInputError) -> Result {
        // Dispatch to concrete shapes so the whole solve is specialised (see CapacitatedAssignment.solve).
        switch costs {
        case let dense as DenseCosts: try solveSpecialised(dense, capacities: capacities)
        case let sparse as SparseCosts: try solveSpecialised(sparse, capacities: capacities)
        default: try solveSpecialised(costs, capacities: capacities)
        }
    }

    static func solveSpecialised<Costs: AssignmentCosts>(_ costs: Costs, capacities: [Int]) throws(AssignmentInputError) -> Result {
        guard capacities.count == costs.columnCount else {
            throw AssignmentInputError("\(capacities.count) capacities for \(costs.columnCount) columns")
        }
        let target = BipartiteCardinality.maximum(costs, capacities: capacities)
        var levels = Set<Int64>()
        for row in 0..<costs.rowCount { costs.forEachArc(ofRow: row) { _, cost in levels.insert(cost) } }
        let sorted = levels.sorted()
        guard target > 0 else {
            return Result(assignment: try CapacitatedAssignment.solve(costs, capacities: capacities), worstCost: nil, assignableBelowWorst: nil)
        }
        // The smallest threshold at which every assignable row can still be assigned.
        var low = 0, high = sorted.count - 1
        while low < high {
            let middle = (low + high) / 2
            if BipartiteCardinality.maximum(costs, capacities: capacities, threshold: sorted[middle]) == target { high = middle } else { low = middle + 1 }
        }
        let worst = sorted[low]
        let below = low > 0 ? BipartiteCardinality.maximum(costs, capacities: capacities, threshold: sorted[low - 1]) : 0
        let assignment = try CapacitatedAssignment.solveSpecialised(Capped(costs: costs, limit: worst), capacities: capacities)
        return Result(assignment: assignment, worstCost: worst, assignableBelowWorst: below)
    }

    /// The same costs with every arc above `limit` forbidden.
    struct Capped<Base: AssignmentCosts>: AssignmentCosts {
        let costs: Base
        let limit: Int64
        var rowCount: Int { costs.rowCount }
        var columnCount: Int { costs.columnCount }
        func forEachArc(ofRow row: Int, _ body: (Int, Int64) -> Void) {
            costs.forEachArc(ofRow: row) { column, cost in if cost <= limit { body(column, cost) } }
        }
        func cost(row: Int, column: Int) -> Int64? { costs.cost(row: row, column: column).flatMap { $0 <= limit ? $0 : nil } }
        var costRange: ClosedRange<Int64>? { costs.costRange.flatMap { $0.lowerBound <= limit ? $0.lowerBound...min($0.upperBound, limit) : nil } }
    }
}
