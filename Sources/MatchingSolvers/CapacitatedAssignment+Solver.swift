extension CapacitatedAssignment {
    /// The mutable state of one solve. Reduced cost of (r, c): cost − offset − u[r] − v[c] ≥ 0;
    /// assigned pairs have reduced cost 0; v[c] ≤ 0 and is 0 while c has room.
    struct Solver<Costs: AssignmentCosts> {
        let costs: Costs
        let capacity: [Int32]
        /// How many columns each row takes (1 unless rows have capacities too).
        let rowCapacity: [Int32]
        let offset: Int64
        let penalty: Int64
        let rows: Int
        let columns: Int

        var u: [Int64]
        var v: [Int64]
        /// The columns each row holds, in `rowSlotStart[r] ..< rowSlotStart[r] + rowLoad[r]`, and
        /// how many of its places it gave up at the penalty; a row with places left is pending.
        var rowSlotStart: [Int]
        var rowSlots: [Int32]
        var rowLoad: [Int32]
        var rowExited: [Int32]
        /// The rows held by each column, in slots `slotStart[c] ..< slotStart[c] + load[c]`.
        var slotStart: [Int]
        var slots: [Int32]
        var load: [Int32]
        /// Per search: rows reached (`rowSeen[r] == epoch`) and the column each was reached through.
        var rowSeen: [Int32]
        var arrivedVia: [Int32]
        /// Per search: the best distance a row was reached at. A row holding several columns may be
        /// reached again more cheaply through a pair with less slack; it is then scanned again
        /// (`scannedRows` may hold it twice; only the entry at its best distance counts).
        var rowDistance: [Int64]
        /// `heldStamp[c] == stamp` marks the columns the row being scanned already holds.
        var heldStamp: [Int32]
        var stamp: Int32 = 0

        // Path search state, reused between rows; `seen[c] == epoch` marks columns touched this round.
        var epoch: Int32 = 0
        var seen: [Int32]
        var done: [Int32]
        var distance: [Int64]
        var predecessor: [Int32]
        var frontier: Frontier
        /// Per sparse search: the distance of the nearest column with room reached so far.
        var nearestRoom: Int64 = .max
        var finished: [Int32] = []
        var scannedRows: [Int32] = []
        var scannedDistance: [Int64] = []
        /// The open columns of a dense path search.
        var denseLists: DenseSearchLists
        /// Start from column reduction (every column expected to fill) rather than from zero prices.
        let reduceColumns: Bool
        /// True when some column takes no rows; the searches pass such columns by (their prices are
        /// only set at the end, see `priceClosedColumns`).
        let someColumnClosed: Bool

        init(costs: Costs, capacities: [Int], rowCapacities: [Int], offset: Int64, penalty: Int64, reduceColumns: Bool) {
            self.reduceColumns = reduceColumns
            denseLists = DenseSearchLists(columns: costs is DenseCosts ? costs.columnCount : 0)
            self.costs = costs
            rows = costs.rowCount
            columns = costs.columnCount
            capacity = capacities.map { Int32(clamping: min($0, costs.rowCount)) }
            someColumnClosed = capacities.contains(0)
            self.offset = offset
            self.penalty = penalty
            u = [Int64](repeating: 0, count: rows)
            v = [Int64](repeating: 0, count: columns)
            rowCapacity = rowCapacities.map { Int32(clamping: min($0, costs.columnCount)) }
            var rowStart = [Int](repeating: 0, count: rows + 1)
            for row in 0..<rows { rowStart[row + 1] = rowStart[row] + Int(rowCapacity[row]) }
            rowSlotStart = rowStart
            rowSlots = [Int32](repeating: -1, count: rowStart[rows])
            rowLoad = [Int32](repeating: 0, count: rows)
            rowExited = [Int32](repeating: 0, count: rows)
            var start = [Int](repeating: 0, count: columns + 1)
            for column in 0..<columns { start[column + 1] = start[column] + Int(capacity[column]) }
            slotStart = start
            slots = [Int32](repeating: -1, count: start[columns])
            load = [Int32](repeating: 0, count: columns)
            rowSeen = [Int32](repeating: 0, count: rows)
            rowDistance = [Int64](repeating: 0, count: rows)
            heldStamp = [Int32](repeating: 0, count: columns)
            arrivedVia = [Int32](repeating: -1, count: rows)
            seen = [Int32](repeating: 0, count: columns)
            done = [Int32](repeating: 0, count: columns)
            distance = [Int64](repeating: 0, count: columns)
            predecessor = [Int32](repeating: -1, count: columns)
            frontier = Frontier()
        }

        mutating func run() {
            if reduceColumns {
                columnReductionStart()
                if rowCapacity.allSatisfy({ $0 <= 1 }) { augmentingRowReduction() }
            } else {
                greedyStart()
            }
            if let dense = costs as? DenseCosts {
                let spread = (dense.costRange?.upperBound ?? 0) - (dense.costRange?.lowerBound ?? 0)
                let preferRoomOnTies = spread <= 4 * Int64(columns)
                dense.values.withUnsafeBufferPointer { values in
                    for row in 0..<rows {
                        while isPending(row) { augmentDense(from: row, values: values.baseAddress!, mayForbid: dense.hasForbiddenPairs, preferRoomOnTies: preferRoomOnTies) }
                    }
                }
            } else {
                for row in 0..<rows { while isPending(row) { augment(from: row) } }
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
                    rowExited[row] = rowCapacity[row]
                } else if load[bestColumn] < capacity[bestColumn] && rowCapacity[row] > 0 {
                    place(row, in: bestColumn)
                }
            }
        }

        /// Finds the shortest augmenting path from `start` (ending at a column with room, or at the
        /// penalty), moves the rows along it, and updates the potentials.
        /// Clears the search state and puts `start` first in line, at distance 0.
        mutating func beginSearch(from start: Int) {
            epoch &+= 1
            finished.removeAll(keepingCapacity: true)
            scannedRows.removeAll(keepingCapacity: true)
            scannedDistance.removeAll(keepingCapacity: true)
            scannedRows.append(Int32(start))
            scannedDistance.append(0)
            rowSeen[start] = epoch
            rowDistance[start] = 0
            arrivedVia[start] = -1
        }

        mutating func augment(from start: Int) {
            beginSearch(from: start)
            frontier.removeAll()
            nearestRoom = .max
            var exitDistance = Int64.max, exitRow = -1
            var terminal = -1, terminalDistance: Int64 = 0
            var nextToScan = 0
            search: while true {
                while nextToScan < scannedRows.count {
                    let row = Int(scannedRows[nextToScan]), reached = scannedDistance[nextToScan]
                    nextToScan += 1
                    if reached > rowDistance[row] { continue }
                    let viaPenalty = reached + penalty - u[row]
                    if viaPenalty < exitDistance { exitDistance = viaPenalty; exitRow = row }
                    scan(row, at: reached)
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
                    finished.append(Int32(column))
                    if load[column] < capacity[column] {
                        terminal = column
                        terminalDistance = columnDistance
                        break search
                    }
                    reachRows(of: column, at: columnDistance)
                    break
                }
            }
            updatePotentials(to: terminalDistance)
            shiftRows(endingAt: terminal, exitRow: exitRow, start: start)
        }

        /// The rows a settled full column holds are reached from it: at its distance plus the pair's
        /// slack (zero for a row holding one column, whose pair is tight). A row holding several
        /// columns keeps the cheapest way it was reached.
        mutating func reachRows(of column: Int, at columnDistance: Int64) {
            for slot in slotStart[column]..<(slotStart[column] + Int(load[column])) {
                let row = Int(slots[slot])
                var slack: Int64 = 0
                if rowCapacity[row] > 1, let cost = costs.cost(row: row, column: column) { slack = u[row] + v[column] - (cost - offset) }
                let reached = columnDistance + slack
                if rowSeen[row] == epoch && reached >= rowDistance[row] { continue }
                rowSeen[row] = epoch
                rowDistance[row] = reached
                arrivedVia[row] = Int32(column)
                scannedRows.append(Int32(row))
                scannedDistance.append(reached)
            }
        }

        /// Marks the columns a row holds when it can hold more than one (a unit row is only ever
        /// scanned through its one column, which is settled); true when some were marked.
        mutating func markHeldColumns(of row: Int) -> Bool {
            guard rowCapacity[row] > 1 && rowLoad[row] > 0 else { return false }
            stamp &+= 1
            for slot in rowSlotStart[row]..<(rowSlotStart[row] + Int(rowLoad[row])) { heldStamp[Int(rowSlots[slot])] = stamp }
            return true
        }

        /// Relaxes every admissible column of `row` it does not already hold, reached at `rowDistance`.
        mutating func scan(_ row: Int, at rowDistance: Int64) {
            let base = rowDistance - u[row] - offset
            let epoch = self.epoch
            let skipHeld = markHeldColumns(of: row), stamp = self.stamp
            costs.forEachArc(ofRow: row) { column, cost in
                if done[column] == epoch || (skipHeld && heldStamp[column] == stamp) || (someColumnClosed && capacity[column] == 0) { return }
                let candidate = base + cost - v[column]
                // A column no nearer than one with room already reached can't be settled before the
                // search ends there, so it isn't recorded (if reached more cheaply later, it will be).
                guard candidate < nearestRoom, seen[column] != epoch || candidate < distance[column] else { return }
                seen[column] = epoch
                distance[column] = candidate
                predecessor[column] = Int32(row)
                if load[column] < capacity[column] { nearestRoom = candidate }
                frontier.insert(column, candidate)
            }
        }

        mutating func updatePotentials(to total: Int64) {
            for column in finished { v[Int(column)] += distance[Int(column)] - total }
            // Rows reached beyond the end of the search (through a slack pair) keep their potential.
            for (index, row) in scannedRows.enumerated() where scannedDistance[index] == rowDistance[Int(row)] {
                u[Int(row)] += max(0, total - scannedDistance[index])
            }
        }

        /// Moves each row on the path one step: it gives up the column it was reached through and
        /// takes the next one (the terminal column), or gives up a place at the penalty.
        mutating func shiftRows(endingAt terminal: Int, exitRow: Int, start: Int) {
            var target = terminal
            var moving = terminal >= 0 ? Int(predecessor[terminal]) : exitRow
            while true {
                let previous = moving == start ? -1 : Int(arrivedVia[moving])
                if previous >= 0 { remove(moving, from: previous) }
                if target >= 0 { place(moving, in: target) } else { rowExited[moving] += 1 }
                if moving == start { return }
                target = previous
                moving = Int(predecessor[previous])
            }
        }

        /// A column with no capacity is always full, so its potential may fall as low as its
        /// cheapest reduced cost needs for the certificate.
        mutating func priceClosedColumns() {
            guard someColumnClosed else { return }
            for row in 0..<rows {
                let base = u[row] + offset
                costs.forEachArc(ofRow: row) { column, cost in
                    if capacity[column] == 0 { v[column] = min(v[column], cost - base) }
                }
            }
        }

        func result() -> Assignment {
            let columnsOfRow = (0..<rows).map { row in (0..<Int(rowLoad[row])).map { Int(rowSlots[rowSlotStart[row] + $0]) }.sorted() }
            var total: Int64 = 0
            for (row, held) in columnsOfRow.enumerated() {
                for column in held { if let cost = costs.cost(row: row, column: column) { total += cost } }
            }
            let certificate = DualCertificate(rowPotentials: u, columnPotentials: v, unassignedPenalty: penalty, costOffset: offset)
            let capacities = capacity.map(Int.init), rowCapacities = rowCapacity.map(Int.init)
            let assigned = columnsOfRow.reduce(0) { $0 + $1.count }
            let primal = total - offset * Int64(assigned) + penalty * Int64(rowCapacities.reduce(0, +) - assigned)
            // Each pair is taken at most once; its bound's dual is the (non-positive) reduced cost.
            var pairBounds: Int64 = 0
            for (row, held) in columnsOfRow.enumerated() {
                for column in held { if let cost = costs.cost(row: row, column: column) { pairBounds += min(0, cost - offset - u[row] - v[column]) } }
            }
            return Assignment(
                columnsOfRow: columnsOfRow, assignedCount: assigned, totalCost: total, certificate: certificate,
                optimal: CapacitatedAssignment.verify(costs, capacities: capacities, rowCapacities: rowCapacities,
                                                      columnsOfRow: columnsOfRow, certificate: certificate),
                gap: primal - certificate.dualBound(capacities: capacities, rowCapacities: rowCapacities) - pairBounds)
        }
    }
}
