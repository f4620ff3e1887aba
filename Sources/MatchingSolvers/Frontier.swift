/// The columns reached but not yet settled in a sparse shortest-path search: a binary heap with
/// lazy deletion (a dense search keeps its own open-column lists, see `augmentDense`).
struct Frontier {
    private var heap: [(distance: Int64, column: Int32)] = []

    mutating func removeAll() { heap.removeAll(keepingCapacity: true) }

    /// Adds a column, or records a lower distance for it (the stale entry is skipped when popped).
    mutating func insert(_ column: Int, _ distance: Int64) { push(distance, column) }

    /// Removes and returns the unsettled column with the smallest distance.
    mutating func popMinimum(distance: [Int64], done: [Int32], epoch: Int32) -> (Int, Int64)? {
        popFromHeap(distance, done, epoch)
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
