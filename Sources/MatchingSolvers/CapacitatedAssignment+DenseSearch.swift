extension CapacitatedAssignment.Solver {
    /// Column reduction, for problems where every column is expected to fill: each column's
    /// potential starts at its cheapest cost (shifted so the highest is 0), which gives the path
    /// searches far better prices than zero. If a column ends with room after all, the certificate
    /// check fails and the solve is repeated from the plain start.
    mutating func columnReductionStart() {
        for column in 0..<columns { v[column] = Int64.max }
        let offset = self.offset
        for row in 0..<rows {
            costs.forEachArc(ofRow: row) { column, cost in v[column] = min(v[column], cost - offset) }
        }
        var highest = Int64.min
        for column in 0..<columns {
            if v[column] == Int64.max || capacity[column] == 0 { v[column] = 0 }
            highest = max(highest, v[column])
        }
        for column in 0..<columns { v[column] -= highest }
        greedyStart()
    }

    /// The path search of `augment`, specialised for a full cost matrix (the Jonker–Volgenant
    /// layout): the open columns sit in one list whose distances, predecessors and prices are kept
    /// in list order, so that relaxing a row reads them in sequence; the pass over the last newly
    /// reached row also finds the nearest open column.
    mutating func augmentDense(from start: Int, values: UnsafePointer<Int32>, preferRoomOnTies: Bool) {
        let columns = self.columns, offset = self.offset, penalty = self.penalty
        beginSearch(from: start)
        var exitDistance = penalty - u[start], exitRow = start
        var terminal = -1, terminalDistance: Int64 = 0
        var open = 0

        // Taken out of `self` for the search, so the closures below may touch the rest of it.
        var search = DenseSearchLists()
        swap(&search, &denseLists)
        search.todo.withUnsafeMutableBufferPointer { todo in
        search.distance.withUnsafeMutableBufferPointer { distance in
        search.predecessor.withUnsafeMutableBufferPointer { predecessor in
        search.price.withUnsafeMutableBufferPointer { price in
            let base = values + start * columns
            let startShift = -u[start] - offset
            var best = -1, bestDistance = Int64.max
            let skipHeld = markHeldColumns(of: start)
            for column in 0..<columns where capacity[column] > 0 {
                let cost = base[column]
                let d = cost == DenseCosts.forbidden || (skipHeld && heldStamp[column] == stamp) ? Int64.max : startShift + Int64(cost) - v[column]
                todo[open] = Int32(column)
                distance[open] = d
                predecessor[open] = Int32(start)
                price[open] = v[column]
                if d < bestDistance || (d == bestDistance && load[column] < capacity[column]) { bestDistance = d; best = open }
                open += 1
            }
            var nextToScan = 1

            while true {
                if nextToScan < scannedRows.count { best = -1; bestDistance = .max }
                while nextToScan < scannedRows.count {
                    let row = Int(scannedRows[nextToScan]), reached = scannedDistance[nextToScan]
                    nextToScan += 1
                    if reached > rowDistance[row] { continue }
                    let viaPenalty = reached + penalty - u[row]
                    if viaPenalty < exitDistance { exitDistance = viaPenalty; exitRow = row }
                    let rowBase = values + row * columns
                    let shift = reached - u[row] - offset
                    // The pass over the last newly reached row also finds the nearest open column.
                    // Among equally near columns one with room ends the search at once; ties are
                    // common only when costs are few compared with columns, so only then look. A row
                    // that already holds columns can't take them again, so those are skipped.
                    @inline(__always) func relax(skipHeld: Bool, findNearest: Bool, preferRoom: Bool) {
                        for index in 0..<open {
                            let column = Int(todo[index])
                            var d = distance[index]
                            let cost = rowBase[column]
                            if cost != DenseCosts.forbidden && !(skipHeld && heldStamp[column] == stamp) {
                                let candidate = shift + Int64(cost) - price[index]
                                if candidate < d {
                                    d = candidate
                                    distance[index] = candidate
                                    predecessor[index] = Int32(row)
                                }
                            }
                            if findNearest && (d < bestDistance || (preferRoom && d == bestDistance && load[column] < capacity[column])) {
                                bestDistance = d
                                best = index
                            }
                        }
                    }
                    let findNearest = nextToScan == scannedRows.count
                    let skipHeld = markHeldColumns(of: row)
                    switch (skipHeld, findNearest, preferRoomOnTies) {
                    case (false, false, _):
                        // The common case, kept as lean as it can be.
                        for index in 0..<open {
                            let cost = rowBase[Int(todo[index])]
                            if cost == DenseCosts.forbidden { continue }
                            let candidate = shift + Int64(cost) - price[index]
                            if candidate < distance[index] {
                                distance[index] = candidate
                                predecessor[index] = Int32(row)
                            }
                        }
                    case (false, true, false): relax(skipHeld: false, findNearest: true, preferRoom: false)
                    case (false, true, true): relax(skipHeld: false, findNearest: true, preferRoom: true)
                    case (true, false, _): relax(skipHeld: true, findNearest: false, preferRoom: false)
                    case (true, true, false): relax(skipHeld: true, findNearest: true, preferRoom: false)
                    case (true, true, true): relax(skipHeld: true, findNearest: true, preferRoom: true)
                    }
                }
                if best < 0 {
                    // No new row to scan last (a column settled with no row newly reached, or the last
                    // entry was superseded): find the nearest open column afresh.
                    bestDistance = .max
                    for index in 0..<open where distance[index] < bestDistance { bestDistance = distance[index]; best = index }
                }
                if best < 0 || bestDistance >= exitDistance {
                    terminalDistance = exitDistance
                    return
                }
                // Settle the nearest open column: its distance and predecessor are final.
                let column = Int(todo[best])
                self.distance[column] = bestDistance
                self.predecessor[column] = predecessor[best]
                open -= 1
                todo[best] = todo[open]
                distance[best] = distance[open]
                predecessor[best] = predecessor[open]
                price[best] = price[open]
                best = -1
                finished.append(Int32(column))
                if load[column] < capacity[column] {
                    terminal = column
                    terminalDistance = bestDistance
                    return
                }
                reachRows(of: column, at: bestDistance)
            }
        }
        }
        }
        }
        swap(&search, &denseLists)
        updatePotentials(to: terminalDistance)
        shiftRows(endingAt: terminal, exitRow: exitRow, start: start)
    }
}

/// The open-column lists of a dense path search, in list order.
struct DenseSearchLists {
    var todo: [Int32] = []
    var distance: [Int64] = []
    var predecessor: [Int32] = []
    var price: [Int64] = []

    init() {}

    init(columns: Int) {
        todo = [Int32](repeating: 0, count: columns)
        distance = [Int64](repeating: 0, count: columns)
        predecessor = [Int32](repeating: 0, count: columns)
        price = [Int64](repeating: 0, count: columns)
    }
}
