/// The columns reached but not yet settled in a shortest-path search. Dense problems touch every
/// column at once, so a plain list scanned for its minimum is fastest; sparse ones use a binary
/// heap with lazy deletion.
struct Frontier {
    private let dense: Bool
    private var list: [Int32] = []
    private var heap: [(distance: Int64, column: Int32)] = []

    init(dense: Bool) { self.dense = dense }

    mutating func removeAll() {
        list.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
    }

    mutating func insert(_ column: Int, _ distance: Int64) {
        if dense { list.append(Int32(column)) } else { push(distance, column) }
    }

    mutating func decrease(_ column: Int, _ distance: Int64) {
        if !dense { push(distance, column) }
    }

    /// Removes and returns the unsettled column with the smallest distance.
    mutating func popMinimum(distance: [Int64], done: [Int32], epoch: Int32) -> (Int, Int64)? {
        dense ? popFromList(distance) : popFromHeap(distance, done, epoch)
    }

    private mutating func popFromList(_ distance: [Int64]) -> (Int, Int64)? {
        guard !list.isEmpty else { return nil }
        let result = list.withUnsafeMutableBufferPointer { list in
            distance.withUnsafeBufferPointer { distance in
                var best = 0, bestDistance = distance[Int(list[0])]
                for index in 1..<list.count {
                    let candidate = distance[Int(list[index])]
                    if candidate < bestDistance { bestDistance = candidate; best = index }
                }
                let column = Int(list[best])
                list[best] = list[list.count - 1]
                return (column, bestDistance)
            }
        }
        list.removeLast()
        return result
    }

    private mutating func popFromHeap(_ distance: [Int64], _ done: [Int32], _ epoch: Int32) -> (Int, Int64)? {
        while let top = heap.first {
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                siftDown(0)
            }
            let column = Int(top.column)
            if done[column] != epoch && distance[column] == top.distance { return (column, top.distance) }
        }
        return nil
    }

    private mutating func push(_ distance: Int64, _ column: Int) {
        heap.append((distance, Int32(column)))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].distance < heap[parent].distance else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let count = heap.count
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < count && heap[left].distance < heap[smallest].distance { smallest = left }
            if right < count && heap[right].distance < heap[smallest].distance { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
