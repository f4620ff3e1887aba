/// The columns reached but not yet settled in a sparse shortest-path search (a dense search keeps
/// its own open-column lists, see `augmentDense`).
///
/// A radix heap: the search settles columns in order of distance and never reaches one nearer than
/// the last settled, so each entry sits in the bucket named by the highest bit in which it differs
/// from that last distance. Adding is an append; taking the nearest empties the lowest bucket,
/// spreading it over the buckets below. Searches that reach far more columns than they settle —
/// the common case — pay almost nothing for the columns they never settle. A lower distance for a
/// column is a new entry; the stale one is skipped when it comes up.
struct Frontier {
    private var buckets = [[Entry]](repeating: [], count: 65)
    /// The key of the last distance taken; every entry's key is at least this.
    private var last: UInt64 = 0

    private struct Entry {
        let key: UInt64
        let column: Int32
    }

    mutating func removeAll() {
        for index in buckets.indices where !buckets[index].isEmpty { buckets[index].removeAll(keepingCapacity: true) }
        last = 0
    }

    /// Adds a column, or records a lower distance for it.
    mutating func insert(_ column: Int, _ distance: Int64) {
        let key = Self.key(distance)
        // The search only reaches columns at least as far as the last it settled (reduced costs are
        // ≥ 0); should that ever fail, the entry comes out next and the certificate check, not a
        // crash, reports the consequence.
        assert(key >= last, "a shortest-path search reached a column nearer than one it settled")
        buckets[key <= last ? 0 : bucket(of: key)].append(Entry(key: key, column: Int32(column)))
    }

    /// Removes and returns the unsettled column with the smallest distance.
    mutating func popMinimum(distance: [Int64], done: [Int32], epoch: Int32) -> (Int, Int64)? {
        func current(_ entry: Entry) -> Bool {
            done[Int(entry.column)] != epoch && distance[Int(entry.column)] == Int64(bitPattern: entry.key ^ Self.signBit)
        }
        while true {
            if buckets[0].isEmpty && !refillLowestBucket(keeping: current) { return nil }
            let entry = buckets[0].removeLast()
            if current(entry) { return (Int(entry.column), Int64(bitPattern: entry.key ^ Self.signBit)) }
        }
    }

    /// Moves the nearest entries into bucket 0: the lowest bucket's smallest current entry becomes
    /// the last distance, and its current entries spread over the buckets below; stale ones are
    /// dropped, so that the last distance is one the search really settles next (a stale distance
    /// could lie beyond columns the search has yet to reach). False when no current entry is left.
    private mutating func refillLowestBucket(keeping current: (Entry) -> Bool) -> Bool {
        var spread: [Entry] = []
        for lowest in 1..<buckets.count where !buckets[lowest].isEmpty {
            swap(&spread, &buckets[lowest])
            spread.removeAll { !current($0) }
            if let smallest = spread.lazy.map(\.key).min() {
                last = smallest
                for entry in spread { buckets[bucket(of: entry.key)].append(entry) }
            }
            spread.removeAll(keepingCapacity: true)
            swap(&spread, &buckets[lowest])
            if !buckets[0].isEmpty { return true }
        }
        return false
    }

    private static let signBit: UInt64 = 1 << 63

    /// Distances as unsigned keys in the same order.
    @inline(__always) private static func key(_ distance: Int64) -> UInt64 { UInt64(bitPattern: distance) ^ signBit }

    @inline(__always) private func bucket(of key: UInt64) -> Int { key == last ? 0 : 64 - (key ^ last).leadingZeroBitCount }
}
