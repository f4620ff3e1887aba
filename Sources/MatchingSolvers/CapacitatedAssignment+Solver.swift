extension CapacitatedAssignment {
    /// The mutable state of one solve. Reduced cost of (r, c): cost − offset − u[r] − v[c] ≥ 0;
    /// assigned pairs have reduced cost 0; v[c] ≤ 0 and is 0 while c has room.
    struct Solver<Costs: AssignmentCosts> {
        let costs: Costs
        let capacity: [Int32]
        let offset: Int64
        let penalty: Int64
        let rows: Int
        let columns: Int

        var u: [Int64]
        var v: [Int64]
        /// The column of each row; `unassigned` for rows at the penalty, `pending` before their turn.
        var columnOf: [Int32]
        /// The rows held by each column, in slots `slotStart[c] ..< slotStart[c] + load[c]`.
        var slotStart: [Int]
        var slots: [Int32]
        var load: [Int32]
        var slotOf: [Int32]

        // Path search state, reused between rows; `seen[c] == epoch` marks columns touched this round.
        var epoch: Int32 = 0
        var seen: [Int32]
        var done: [Int32]
        var distance: [Int64]
        var predecessor: [Int32]
        var frontier: Frontier
        var finished: [Int32] = []
        var scannedRows: [Int32] = []
        var scannedDistance: [Int64] = []
        /// The open columns of a dense path search.
        var denseLists: DenseSearchLists
        /// Start from column reduction (every column expected to fill) rather than from zero prices.
        let reduceColumns: Bool

        static var unassigned: Int32 { -1 }
        static var pending: Int32 { -2 }

        init(costs: Costs, capacities: [Int], offset: Int64, penalty: Int64, reduceColumns: Bool) {
            self.reduceColumns = reduceColumns
            denseLists = DenseSearchLists(columns: costs is DenseCosts ? costs.columnCount : 0)
            self.costs = costs
            rows = costs.rowCount
            columns = costs.columnCount
            capacity = capacities.map { Int32(clamping: min($0, costs.rowCount)) }
            self.offset = offset
            self.penalty = penalty
            u = [Int64](repeating: 0, count: rows)
            v = [Int64](repeating: 0, count: columns)
            columnOf = [Int32](repeating: Self.pending, count: rows)
            var start = [Int](repeating: 0, count: columns + 1)
            for column in 0..<columns { start[column + 1] = start[column] + Int(capacity[column]) }
            slotStart = start
            slots = [Int32](repeating: -1, count: start[columns])
            load = [Int32](repeating: 0, count: columns)
            slotOf = [Int32](repeating: -1, count: rows)
            seen = [Int32](repeating: 0, count: columns)
            done = [Int32](repeating: 0, count: columns)
            distance = [Int64](repeating: 0, count: columns)
            predecessor = [Int32](repeating: -1, count: columns)
            frontier = Frontier(dense: costs is DenseCosts)
        }

        mutating func run() {
            if reduceColumns {
                columnReductionStart()
                augmentingRowReduction()
            } else {
                greedyStart()
            }
            if let dense = costs as? DenseCosts {
                let spread = (dense.costRange?.upperBound ?? 0) - (dense.costRange?.lowerBound ?? 0)
                let preferRoomOnTies = spread <= 4 * Int64(columns)
                dense.values.withUnsafeBufferPointer { values in
                    for row in 0..<rows where columnOf[row] == Self.pending { augmentDense(from: row, values: values.baseAddress!, complete: !dense.hasForbiddenPairs, preferRoomOnTies: preferRoomOnTies) }
                }
            } else {
                for row in 0..<rows where columnOf[row] == Self.pending { augment(from: row) }
            }
            priceClosedColumns()
        }

        /// Every row gets its cheapest column at the current prices while that column has room;
        /// its potential is that reduced cost, so every reduced cost stays ≥ 0.
        mutating func greedyStart() {
            for row in 0..<rows {
                var best = penalty, bestColumn = -1
                let offset = self.offset
                costs.forEachArc(ofRow: row) { column, cost in
                    let reduced = cost - offset - v[column]
                    if reduced < best { best = reduced; bestColumn = column }
                }
                u[row] = best
                if bestColumn < 0 {
                    columnOf[row] = Self.unassigned
                } else if load[bestColumn] < capacity[bestColumn] {
                    place(row, in: bestColumn)
                }
            }
        }

        mutating func place(_ row: Int, in column: Int) {
            let slot = slotStart[column] + Int(load[column])
            slots[slot] = Int32(row)
            slotOf[row] = Int32(slot)
            load[column] += 1
            columnOf[row] = Int32(column)
        }

        mutating func remove(_ row: Int) {
            let column = Int(columnOf[row])
            guard column >= 0 else { return }
            let last = slotStart[column] + Int(load[column]) - 1
            let slot = Int(slotOf[row])
            let moved = slots[last]
            slots[slot] = moved
            slotOf[Int(moved)] = Int32(slot)
            slots[last] = -1
            load[column] -= 1
            columnOf[row] = Self.unassigned
        }

        /// Finds the shortest augmenting path from `start` (ending at a column with room, or at the
        /// penalty), moves the rows along it, and updates the potentials.
        mutating func augment(from start: Int) {
            epoch &+= 1
            frontier.removeAll()
            finished.removeAll(keepingCapacity: true)
            scannedRows.removeAll(keepingCapacity: true)
            scannedDistance.removeAll(keepingCapacity: true)
            var exitDistance = Int64.max, exitRow = -1
            var terminal = -1, terminalDistance: Int64 = 0
            scannedRows.append(Int32(start))
            scannedDistance.append(0)
            var nextToScan = 0
            search: while true {
                while nextToScan < scannedRows.count {
                    let row = Int(scannedRows[nextToScan]), rowDistance = scannedDistance[nextToScan]
                    nextToScan += 1
                    let viaPenalty = rowDistance + penalty - u[row]
                    if viaPenalty < exitDistance { exitDistance = viaPenalty; exitRow = row }
                    scan(row, at: rowDistance)
                }
                // Settle the nearest column; a full one passes the search on to the rows it holds,
                // which are reached at the same distance because their pairs are tight.
                while true {
                    guard let (column, columnDistance) = frontier.popMinimum(distance: distance, done: done, epoch: epoch),
                          columnDistance < exitDistance else {
                        terminalDistance = exitDistance
                        break search
                    }
                    done[column] = epoch
                    if capacity[column] == 0 { continue }
                    finished.append(Int32(column))
                    if load[column] < capacity[column] {
                        terminal = column
                        terminalDistance = columnDistance
                        break search
                    }
                    for slot in slotStart[column]..<(slotStart[column] + Int(load[column])) {
                        scannedRows.append(slots[slot])
                        scannedDistance.append(columnDistance)
                    }
                    break
                }
            }
            updatePotentials(to: terminalDistance)
            shiftRows(endingAt: terminal, exitRow: exitRow, start: start)
        }

        /// Relaxes every admissible column of `row`, reached at `rowDistance`.
        mutating func scan(_ row: Int, at rowDistance: Int64) {
            let base = rowDistance - u[row] - offset
            let epoch = self.epoch
            costs.forEachArc(ofRow: row) { column, cost in
                if done[column] == epoch { return }
                let candidate = base + cost - v[column]
                if seen[column] != epoch {
                    seen[column] = epoch
                    distance[column] = candidate
                    predecessor[column] = Int32(row)
                    frontier.insert(column, candidate)
                } else if candidate < distance[column] {
                    distance[column] = candidate
                    predecessor[column] = Int32(row)
                    frontier.decrease(column, candidate)
                }
            }
        }

        mutating func updatePotentials(to total: Int64) {
            for column in finished { v[Int(column)] += distance[Int(column)] - total }
            for (index, row) in scannedRows.enumerated() { u[Int(row)] += total - scannedDistance[index] }
        }

        /// Moves each row on the path one step: into the terminal column (or out to unassigned).
        mutating func shiftRows(endingAt terminal: Int, exitRow: Int, start: Int) {
            var target = terminal
            var moving = terminal >= 0 ? Int(predecessor[terminal]) : exitRow
            while true {
                let previous = Int(columnOf[moving])
                if previous >= 0 { remove(moving) }
                if target >= 0 { place(moving, in: target) } else { columnOf[moving] = Self.unassigned }
                if moving == start { return }
                target = previous
                moving = Int(predecessor[previous])
            }
        }

        /// A column with no capacity is always full, so its potential may fall as low as its
        /// cheapest reduced cost needs for the certificate.
        mutating func priceClosedColumns() {
            guard capacity.contains(0) else { return }
            for row in 0..<rows {
                let base = u[row] + offset
                costs.forEachArc(ofRow: row) { column, cost in
                    if capacity[column] == 0 { v[column] = min(v[column], cost - base) }
                }
            }
        }

        func result() -> Assignment {
            let columnOfRow = columnOf.map { $0 >= 0 ? Int($0) : nil }
            var total: Int64 = 0
            for (row, column) in columnOfRow.enumerated() {
                if let column, let cost = costs.cost(row: row, column: column) { total += cost }
            }
            let certificate = DualCertificate(rowPotentials: u, columnPotentials: v, unassignedPenalty: penalty, costOffset: offset)
            let capacities = capacity.map(Int.init)
            let assigned = columnOfRow.count { $0 != nil }
            let primal = total - offset * Int64(assigned) + penalty * Int64(rows - assigned)
            return Assignment(
                columnOfRow: columnOfRow, assignedCount: assigned, totalCost: total, certificate: certificate,
                optimal: CapacitatedAssignment.verify(costs, capacities: capacities, columnOfRow: columnOfRow, certificate: certificate),
                gap: primal - certificate.dualBound(capacities: capacities))
        }
    }
}
