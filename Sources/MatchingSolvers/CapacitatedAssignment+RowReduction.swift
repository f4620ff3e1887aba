extension CapacitatedAssignment.Solver {
    /// Jonker–Volgenant's augmenting row reduction, on columns that hold one row: a free row takes
    /// its cheapest column, lowering that column's price until the second cheapest is as good, and
    /// the row it displaces tries again. Prices only fall and only on full columns, so every
    /// assigned pair stays tight and every reduced cost stays ≥ 0. Rows it can't place (their best
    /// column holds several rows) are left for the path searches.
    mutating func augmentingRowReduction(passes: Int = 2) {
        var free = (0..<rows).filter { isPending($0) }
        let offset = self.offset, someClosed = someColumnClosed
        for _ in 0..<passes where !free.isEmpty {
            var later: [Int] = []
            var index = 0
            var budget = 32 * rows + 64 // a bound against long price wars on ties
            while index < free.count && budget > 0 {
                budget -= 1
                let row = free[index]
                index += 1
                var first = Int64.max, second = Int64.max, firstColumn = -1, secondColumn = -1
                // The hot loop of the start: prices read without bounds checks; sums of costs and
                // potentials stay far inside 64 bits (the penalty is below 2⁶⁰).
                v.withUnsafeBufferPointer { prices in
                    costs.forEachArc(ofRow: row) { column, cost in
                        if someClosed && capacity[column] == 0 { return }
                        let reduced = cost &- offset &- prices[column]
                        if reduced < second {
                            if reduced < first {
                                second = first; secondColumn = firstColumn
                                first = reduced; firstColumn = column
                            } else {
                                second = reduced; secondColumn = column
                            }
                        }
                    }
                }
                guard firstColumn >= 0, first < penalty else { later.append(row); continue }
                var target = firstColumn
                if load[target] < capacity[target] {
                    // A column of one place takes the row's margin into its price, as a full one does
                    // (a column already holding rows can't: their pairs would lose their tightness).
                    if capacity[target] == 1 && first < second {
                        v[target] -= min(second, penalty) - first
                        u[row] = min(second, penalty)
                    } else {
                        u[row] = first
                    }
                    place(row, in: target)
                    continue
                }
                var displaced = -1
                if capacity[target] == 1 && first < second {
                    v[target] -= min(second, penalty) - first
                    displaced = Int(slots[slotStart[target]])
                } else if secondColumn >= 0 && first == second && (load[secondColumn] < capacity[secondColumn] || capacity[secondColumn] == 1) {
                    target = secondColumn
                    if load[target] == capacity[target] { displaced = Int(slots[slotStart[target]]) }
                } else {
                    later.append(row)
                    continue
                }
                if displaced >= 0 { remove(displaced, from: target) }
                u[row] = min(second, penalty)
                place(row, in: target)
                if displaced >= 0 {
                    if first < second { index -= 1; free[index] = displaced } else { later.append(displaced) }
                }
            }
            later.append(contentsOf: free[index...])
            free = later
        }
    }
}
