/// A binary min-heap kept in a plain array of packed keys.
enum MinHeap {
    static func heapify(_ heap: inout [UInt64]) {
        guard heap.count > 1 else { return }
        for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(&heap, start) }
    }

    static func popMinimum(_ heap: inout [UInt64]) -> UInt64? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(&heap, 0)
        }
        return top
    }

    private static func siftDown(_ heap: inout [UInt64], _ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            var parent = start
            let count = heap.count
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < count && heap[left] < heap[smallest] { smallest = left }
                if right < count && heap[right] < heap[smallest] { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}
