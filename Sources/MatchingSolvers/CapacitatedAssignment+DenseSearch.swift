extension CapacitatedAssignment.Solver {
    /// Column reduction, for problems where every column is expected to fill: each column's
    /// potential starts at its cheapest cost (shifted so the highest is 0), which gives the path
    /// searches far better prices than zero. If a column ends with room after all, the certificate
    /// check fails and the solve is repeated from the plain start.
    ///
    /// When every column takes one row, each column goes to the row that is cheapest for it (a row
    /// cheapest for several keeps one), and Jonker–Volgenant's reduction transfer lowers the price
    /// of a column whose row has no other: the row's potential rises to its second-best reduced
    /// cost. Otherwise rows take their cheapest columns while room lasts.
    mutating func columnReductionStart() {
        var cheapestRow = [Int32](repeating: -1, count: columns)
        for column in 0..<columns { v[column] = Int64.max }
        let offset = self.offset
        for row in 0..<rows {
            costs.forEachArc(ofRow: row) { column, cost in
                if cost - offset < v[column] { v[column] = cost - offset; cheapestRow[column] = Int32(row) }
            }
        }
        var highest = Int64.min
        for column in 0..<columns {
            if v[column] == Int64.max || capacity[column] == 0 { v[column] = 0; cheapestRow[column] = -1 }
            highest = max(highest, v[column])
        }
        for column in 0..<columns { v[column] -= highest }
        guard capacity.allSatisfy({ $0 <= 1 }) && rowCapacity.allSatisfy({ $0 <= 1 }) else { return greedyStart() }
        reductionTransfer(cheapestRow: cheapestRow)
    }

    private mutating func reductionTransfer(cheapestRow: [Int32]) {
        var alone = [Bool](repeating: false, count: rows)
        for column in stride(from: columns - 1, through: 0, by: -1) where cheapestRow[column] >= 0 {
            let row = Int(cheapestRow[column])
            if rowLoad[row] == 0 && rowCapacity[row] > 0 {
                place(row, in: column)
                alone[row] = true
            } else {
                alone[row] = false
            }
        }
        // A row cheapest for no column keeps potential 0 (its reduced costs are ≥ 0 already); one
        // sharing its column's favour is tight there; one alone takes its margin from the column.
        let offset = self.offset
        for row in 0..<rows {
            let held = onlyColumn(of: row)
            guard held >= 0 else { continue }
            let best = costs.cost(row: row, column: held)! - offset - v[held]
            guard alone[row] else { u[row] = best; continue }
            var second = penalty
            v.withUnsafeBufferPointer { prices in
                costs.forEachArc(ofRow: row) { column, cost in
                    let reduced = cost &- offset &- prices[column]
                    if reduced < second && column != held { second = reduced }
                }
            }
            // Reduction transfer: the held column gets cheaper by the row's margin.
            u[row] = second
            v[held] -= second - best
        }
    }

    /// The path search of `augment`, specialised for a full cost matrix (the Jonker–Volgenant
    /// layout): the open columns sit in one list, kept in list order, so that relaxing a row reads
    /// it in sequence. The list keeps each column's distance plus its price (`reach`), so relaxing
    /// compares a row's cost against it without reading the price; the pass over the last newly
    /// reached row also finds the nearest open column.
    mutating func augmentDense(from start: Int, values: UnsafePointer<Int32>, mayForbid: Bool, preferRoomOnTies: Bool) {
        let columns = self.columns, offset = self.offset, penalty = self.penalty
        beginSearch(from: start)
        var exitDistance = penalty - u[start], exitRow = start
        var terminal = -1, terminalDistance: Int64 = 0
        var open = 0, settled = 0

        // Taken out of `self` for the search, so the closures below may touch the rest of it.
        var search = DenseSearchLists()
        swap(&search, &denseLists)
        search.todo.withUnsafeMutableBufferPointer { todo in
        search.reach.withUnsafeMutableBufferPointer { reach in
        search.predecessor.withUnsafeMutableBufferPointer { predecessor in
        search.price.withUnsafeMutableBufferPointer { price in
            let base = values + start * columns
            let startShift = -u[start] - offset
            var best = -1, bestDistance = Int64.max
            let skipHeld = markHeldColumns(of: start)
            for column in 0..<columns where capacity[column] > 0 {
                let cost = base[column]
                let r = cost == DenseCosts.forbidden || (skipHeld && heldStamp[column] == stamp) ? DenseSearchLists.unreached : startShift + Int64(cost)
                todo[open] = Int32(column)
                reach[open] = r
                predecessor[open] = Int32(start)
                price[open] = v[column]
                let d = r - v[column]
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
                            let cost = rowBase[column]
                            if cost != DenseCosts.forbidden && !(skipHeld && heldStamp[column] == stamp) {
                                let candidate = shift + Int64(cost)
                                if candidate < reach[index] {
                                    reach[index] = candidate
                                    predecessor[index] = Int32(row)
                                }
                            }
                            if findNearest {
                                let d = reach[index] - price[index]
                                if d < bestDistance || (preferRoom && d == bestDistance && load[column] < capacity[column]) {
                                    bestDistance = d
                                    best = index
                                }
                            }
                        }
                    }
                    let findNearest = nextToScan == scannedRows.count
                    let skipHeld = markHeldColumns(of: row)
                    switch (skipHeld, findNearest, preferRoomOnTies) {
                    case (false, false, _) where !mayForbid:
                        // The lean cases: nothing forbidden, nothing held. The lists' addresses are
                        // copied so the loops keep them in registers; sums of costs and potentials
                        // stay far inside 64 bits (the penalty is below 2⁶⁰).
                        let (todo, reach, predecessor, row32) = (todo.baseAddress!, reach.baseAddress!, predecessor.baseAddress!, Int32(row))
                        for index in 0..<open {
                            let candidate = shift &+ Int64(rowBase[Int(todo[index])])
                            if candidate < reach[index] {
                                reach[index] = candidate
                                predecessor[index] = row32
                            }
                        }
                    case (false, true, false) where !mayForbid:
                        let (todo, reach, predecessor, price, row32) = (todo.baseAddress!, reach.baseAddress!, predecessor.baseAddress!,
                                                                        price.baseAddress!, Int32(row))
                        var nearest = bestDistance, nearestIndex = best
                        for index in 0..<open {
                            let candidate = shift &+ Int64(rowBase[Int(todo[index])])
                            var r = reach[index]
                            if candidate < r {
                                r = candidate
                                reach[index] = candidate
                                predecessor[index] = row32
                            }
                            let d = r &- price[index]
                            if d < nearest { nearest = d; nearestIndex = index }
                        }
                        bestDistance = nearest
                        best = nearestIndex
                    case (false, false, _): relax(skipHeld: false, findNearest: false, preferRoom: false)
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
                    for index in 0..<open where reach[index] - price[index] < bestDistance { bestDistance = reach[index] - price[index]; best = index }
                }
                if best < 0 || bestDistance >= exitDistance {
                    terminalDistance = exitDistance
                    return
                }
                // Settle the nearest open column: its distance and predecessor are final.
                let column = Int(todo[best])
                self.distance[column] = bestDistance
                self.predecessor[column] = predecessor[best]
                // Settled columns stay in place, marked so that no row relaxes them and no pass
                // finds them nearest, until a quarter of the list is settled: the list stays in
                // column order, so relaxing a row reads its costs forwards.
                reach[best] = DenseSearchLists.settledReach
                price[best] = DenseSearchLists.settledPrice
                best = -1
                settled += 1
                if settled * 4 > open {
                    var kept = 0
                    for index in 0..<open where price[index] != DenseSearchLists.settledPrice {
                        todo[kept] = todo[index]
                        reach[kept] = reach[index]
                        predecessor[kept] = predecessor[index]
                        price[kept] = price[index]
                        kept += 1
                    }
                    open = kept
                    settled = 0
                }
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
    /// The `reach` of a column no row reaches: far beyond any distance plus price.
    static let unreached = Int64.max / 2
    /// The marks of a settled column: no cost beats its `reach`, and its distance (`reach − price`,
    /// 2⁶¹) is beyond any path's end.
    static let settledReach = Int64.min / 4
    static let settledPrice = Int64.min / 2
    var todo: [Int32] = []
    /// Each open column's distance plus its price.
    var reach: [Int64] = []
    var predecessor: [Int32] = []
    var price: [Int64] = []

    init() {}

    init(columns: Int) {
        todo = [Int32](repeating: 0, count: columns)
        reach = [Int64](repeating: 0, count: columns)
        predecessor = [Int32](repeating: 0, count: columns)
        price = [Int64](repeating: 0, count: columns)
    }
}
