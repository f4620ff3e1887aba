/// The largest number of rows that can be assigned using only admissible arcs whose cost is at
/// most `threshold` (Hopcroft–Karp, with a column holding up to its capacity).
enum BipartiteCardinality {
    static func maximum<Costs: AssignmentCosts>(_ costs: Costs, capacities: [Int], threshold: Int64 = .max) -> Int {
        let rows = costs.rowCount, columns = costs.columnCount
        // Adjacency limited to the threshold, as compressed rows.
        var start = [Int](repeating: 0, count: rows + 1)
        var adjacent: [Int32] = []
        for row in 0..<rows {
            costs.forEachArc(ofRow: row) { column, cost in
                if cost <= threshold && capacities[column] > 0 { adjacent.append(Int32(column)) }
            }
            start[row + 1] = adjacent.count
        }
        var columnOf = [Int32](repeating: -1, count: rows)
        var held = [[Int32]](repeating: [], count: columns)
        var level = [Int32](repeating: 0, count: rows)
        var next = [Int](repeating: 0, count: rows)
        var matched = 0
        let infinity = Int32.max

        // Greedy start.
        for row in 0..<rows {
            for arc in start[row]..<start[row + 1] where held[Int(adjacent[arc])].count < capacities[Int(adjacent[arc])] {
                let column = Int(adjacent[arc])
                columnOf[row] = Int32(column)
                held[column].append(Int32(row))
                matched += 1
                break
            }
        }

        while true {
            // Layers from the free rows; the search stops at the first layer that reaches room.
            var queue: [Int32] = []
            for row in 0..<rows {
                if columnOf[row] < 0 { level[row] = 0; queue.append(Int32(row)) } else { level[row] = infinity }
            }
            var head = 0, found = false
            while head < queue.count {
                let row = Int(queue[head]); head += 1
                for arc in start[row]..<start[row + 1] {
                    let column = Int(adjacent[arc])
                    if held[column].count < capacities[column] { found = true; continue }
                    for other in held[column] where level[Int(other)] == infinity {
                        level[Int(other)] = level[row] + 1
                        queue.append(other)
                    }
                }
            }
            guard found else { return matched }
            for row in 0..<rows { next[row] = start[row] }

            func augment(_ row: Int) -> Bool {
                while next[row] < start[row + 1] {
                    let column = Int(adjacent[next[row]])
                    next[row] += 1
                    if held[column].count < capacities[column] {
                        move(row, to: column)
                        return true
                    }
                    for other in held[column] where level[Int(other)] == level[row] + 1 {
                        if augment(Int(other)) {
                            // `other` left this column; `row` takes its place.
                            move(row, to: column)
                            return true
                        }
                    }
                }
                level[row] = infinity
                return false
            }
            func move(_ row: Int, to column: Int) {
                let previous = Int(columnOf[row])
                if previous >= 0, let index = held[previous].firstIndex(of: Int32(row)) { held[previous].remove(at: index) }
                held[column].append(Int32(row))
                columnOf[row] = Int32(column)
            }

            var progress = false
            for row in 0..<rows where columnOf[row] < 0 && augment(row) {
                matched += 1
                progress = true
            }
            if !progress { return matched }
        }
    }
}
