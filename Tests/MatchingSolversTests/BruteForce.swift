@testable import MatchingSolvers

/// Exhaustive answers for small problems: the most rows assigned, then the least cost.
enum BruteForce {
    static func assignment(_ costs: some AssignmentCosts, capacities: [Int]) -> (assigned: Int, cost: Int64) {
        var load = [Int](repeating: 0, count: costs.columnCount)
        var best = (assigned: -1, cost: Int64.max)
        func visit(_ row: Int, _ assigned: Int, _ cost: Int64) {
            if row == costs.rowCount {
                if assigned > best.assigned || (assigned == best.assigned && cost < best.cost) { best = (assigned, cost) }
                return
            }
            visit(row + 1, assigned, cost)
            for column in 0..<costs.columnCount where load[column] < capacities[column] {
                guard let c = costs.cost(row: row, column: column) else { continue }
                load[column] += 1
                visit(row + 1, assigned + 1, cost + c)
                load[column] -= 1
            }
        }
        visit(0, 0, 0)
        return best
    }
}

/// A small random problem with capacities and forbidden pairs.
struct RandomProblem {
    let costs: DenseCosts
    let capacities: [Int]

    init(seed: UInt64, maxRows: Int = 6, maxColumns: Int = 4, maxCost: Int32 = 20, forbiddenShare: Double = 0.25) {
        var random = SplitMix(seed: seed)
        let rows = Int.random(in: 1...maxRows, using: &random)
        let columns = Int.random(in: 1...maxColumns, using: &random)
        costs = DenseCosts(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in
            Double.random(in: 0..<1, using: &random) < forbiddenShare ? DenseCosts.forbidden : Int32.random(in: -maxCost...maxCost, using: &random)
        })
        capacities = (0..<columns).map { _ in Int.random(in: 0...2, using: &random) }
    }

    var sparse: SparseCosts { SparseCosts(dense: costs) }
}

extension SparseCosts {
    /// The admissible pairs of a full matrix.
    init(dense costs: DenseCosts) {
        var arcs: [(row: Int, column: Int, cost: Int32)] = []
        for row in 0..<costs.rowCount {
            costs.forEachArc(ofRow: row) { column, cost in arcs.append((row, column, Int32(cost))) }
        }
        self.init(rows: costs.rowCount, columns: costs.columnCount, arcs: arcs)
    }
}

/// A seeded generator for reproducible random tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension BruteForce {
    /// The best assignment when rows may take several columns (each column at most once per row).
    static func transport(_ costs: some AssignmentCosts, capacities: [Int], rowCapacities: [Int]) -> (assigned: Int, cost: Int64) {
        var load = [Int](repeating: 0, count: costs.columnCount)
        var best = (assigned: -1, cost: Int64.max)
        func visit(_ row: Int, _ fromColumn: Int, _ taken: Int, _ assigned: Int, _ cost: Int64) {
            if row == costs.rowCount {
                if assigned > best.assigned || (assigned == best.assigned && cost < best.cost) { best = (assigned, cost) }
                return
            }
            // This row takes no more columns…
            visit(row + 1, 0, 0, assigned, cost)
            guard taken < rowCapacities[row] else { return }
            // …or one more, after the last one it took (so each set is counted once).
            for column in fromColumn..<costs.columnCount where load[column] < capacities[column] {
                guard let c = costs.cost(row: row, column: column) else { continue }
                load[column] += 1
                visit(row, column + 1, taken + 1, assigned + 1, cost + c)
                load[column] -= 1
            }
        }
        visit(0, 0, 0, 0, 0)
        return best
    }
}
