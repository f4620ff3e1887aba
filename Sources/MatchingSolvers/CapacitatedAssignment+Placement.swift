/// Which rows each column holds and which columns each row takes: the solver's bookkeeping,
/// kept as flat slot arrays (a column's rows from `slotStart`, a row's columns from `rowSlotStart`).
extension CapacitatedAssignment.Solver {
    /// True while the row has places that are neither taken nor given up.
    @inline(__always) func isPending(_ row: Int) -> Bool { rowLoad[row] + rowExited[row] < rowCapacity[row] }

    /// The single column of a row that takes one (unit rows), or -1.
    @inline(__always) func onlyColumn(of row: Int) -> Int { rowLoad[row] > 0 ? Int(rowSlots[rowSlotStart[row]]) : -1 }

    mutating func place(_ row: Int, in column: Int) {
        slots[slotStart[column] + Int(load[column])] = Int32(row)
        load[column] += 1
        rowSlots[rowSlotStart[row] + Int(rowLoad[row])] = Int32(column)
        rowLoad[row] += 1
    }

    mutating func remove(_ row: Int, from column: Int) {
        Self.swapRemove(Int32(row), in: &slots, from: slotStart[column], count: &load[column])
        Self.swapRemove(Int32(column), in: &rowSlots, from: rowSlotStart[row], count: &rowLoad[row])
    }

    fileprivate static func swapRemove(_ value: Int32, in list: inout [Int32], from start: Int, count: inout Int32) {
        let last = start + Int(count) - 1
        var index = start
        while list[index] != value { index += 1 }
        list[index] = list[last]
        list[last] = -1
        count -= 1
    }
}
