/// Exact capacitated assignment: rows (mentees) to columns (mentors) with a capacity per column.
/// Assigns as many rows as possible, then at the least total cost, and proves it with a checked
/// dual certificate. Columns are never expanded into copies: a column with capacity k is one node
/// holding up to k rows.
///
/// The method is successive shortest augmenting paths (Hungarian / Jonker–Volgenant family) with
/// Dijkstra on reduced costs, after a greedy start that assigns every row its cheapest column while
/// room lasts. Each row may also "stay unassigned" at a penalty larger than any cost difference, so
/// every path search ends and the objective is lexicographic (count first, then cost).
public enum CapacitatedAssignment {
    /// How the solver starts its prices.
    public enum Start: Sendable {
        /// Column reduction when the rows can fill every column, else zero prices.
        case automatic
        /// Zero prices: best when many columns are likely to keep room (column reduction would be
        /// tried, fail its certificate and be repeated).
        case plain
    }

    /// Solves the problem; `capacities` has one entry (≥ 0) per column, and `rowCapacities`, when
    /// given, how many columns each row takes (1 otherwise) — so that, with more rows than places,
    /// the scarce side can be the rows and every search ends at a free column.
    public static func solve<Costs: AssignmentCosts>(_ costs: Costs, capacities: [Int], rowCapacities: [Int]? = nil,
                                                     start: Start = .automatic) throws(AssignmentInputError) -> Assignment {
        // Generic code called from another module runs unspecialised; dispatching here to the two
        // concrete shapes lets the compiler specialise the whole solver for each.
        switch costs {
        case let dense as DenseCosts: try solveSpecialised(dense, capacities: capacities, rowCapacities: rowCapacities, start: start)
        case let sparse as SparseCosts: try solveSpecialised(sparse, capacities: capacities, rowCapacities: rowCapacities, start: start)
        default: try solveSpecialised(costs, capacities: capacities, rowCapacities: rowCapacities, start: start)
        }
    }

    static func solveSpecialised<Costs: AssignmentCosts>(_ costs: Costs, capacities: [Int], rowCapacities: [Int]? = nil,
                                                         start: Start = .automatic) throws(AssignmentInputError) -> Assignment {
        guard capacities.count == costs.columnCount else {
            throw AssignmentInputError("\(capacities.count) capacities for \(costs.columnCount) columns")
        }
        let rowCapacities = rowCapacities ?? [Int](repeating: 1, count: costs.rowCount)
        guard rowCapacities.count == costs.rowCount else {
            throw AssignmentInputError("\(rowCapacities.count) row capacities for \(costs.rowCount) rows")
        }
        if let negative = capacities.firstIndex(where: { $0 < 0 }) {
            throw AssignmentInputError("column \(negative) has a negative capacity")
        }
        if let negative = rowCapacities.firstIndex(where: { $0 < 0 }) {
            throw AssignmentInputError("row \(negative) has a negative capacity")
        }
        let range = costs.costRange ?? 0...0
        let spread = range.upperBound - range.lowerBound
        let assignable = Int64(min(rowCapacities.reduce(0, +), capacities.reduce(0, +)))
        // The penalty must beat any total cost difference: spread × rows assigned, plus one.
        let (product, overflow) = spread.multipliedReportingOverflow(by: max(assignable, 1))
        guard !overflow, product < Int64(1) << 60 else {
            throw AssignmentInputError("costs spread over \(spread) with \(assignable) assignable rows is too wide to solve exactly in 64-bit integers")
        }
        // When the rows can fill every column, column reduction gives much better starting prices;
        // should a column end with room after all, its certificate fails and the plain start is used.
        if start == .automatic && rowCapacities.reduce(0, +) >= capacities.reduce(0, +) {
            var solver = Solver(costs: costs, capacities: capacities, rowCapacities: rowCapacities, offset: range.lowerBound,
                                penalty: product + 1, reduceColumns: true)
            solver.run()
            let result = solver.result()
            if result.optimal { return result }
        }
        var solver = Solver(costs: costs, capacities: capacities, rowCapacities: rowCapacities, offset: range.lowerBound,
                            penalty: product + 1, reduceColumns: false)
        solver.run()
        return solver.result()
    }

    /// Checks a certificate against the problem (unit rows); true when it proves `columnOfRow` optimal.
    public static func verify<Costs: AssignmentCosts>(
        _ costs: Costs, capacities: [Int], columnOfRow: [Int?], certificate: DualCertificate
    ) -> Bool {
        verify(costs, capacities: capacities, rowCapacities: [Int](repeating: 1, count: costs.rowCount),
               columnsOfRow: columnOfRow.map { $0.map { [$0] } ?? [] }, certificate: certificate)
    }

    /// Checks a certificate against the problem; true when it proves `columnsOfRow` optimal.
    public static func verify<Costs: AssignmentCosts>(
        _ costs: Costs, capacities: [Int], rowCapacities: [Int], columnsOfRow: [[Int]], certificate: DualCertificate
    ) -> Bool {
        let u = certificate.rowPotentials, v = certificate.columnPotentials
        let offset = certificate.costOffset, penalty = certificate.unassignedPenalty
        guard u.count == costs.rowCount, v.count == costs.columnCount, columnsOfRow.count == costs.rowCount,
              rowCapacities.count == costs.rowCount else { return false }
        var load = [Int](repeating: 0, count: costs.columnCount)
        for held in columnsOfRow {
            for column in held {
                guard column >= 0, column < costs.columnCount else { return false }
                load[column] += 1
            }
        }
        for column in 0..<costs.columnCount {
            guard load[column] <= capacities[column], v[column] <= 0 else { return false }
            if load[column] < capacities[column] && v[column] != 0 { return false }
        }
        var holds = true
        for row in 0..<costs.rowCount {
            let held = columnsOfRow[row]
            guard held.count <= rowCapacities[row], Set(held).count == held.count else { return false }
            let slack = penalty - u[row]
            if slack < 0 || (held.count < rowCapacities[row] && slack != 0) { return false }
            // A pair taken has reduced cost ≤ 0 (= 0 for a row taking one column: its bound of one
            // use is then slack); a pair not taken has reduced cost ≥ 0.
            for column in held {
                guard let cost = costs.cost(row: row, column: column) else { return false }
                let reduced = cost - offset - u[row] - v[column]
                if reduced > 0 || (rowCapacities[row] == 1 && reduced != 0) { return false }
            }
            costs.forEachArc(ofRow: row) { column, cost in
                if cost - offset - u[row] - v[column] < 0 && !held.contains(column) { holds = false }
            }
            if !holds { return false }
        }
        return true
    }
}
