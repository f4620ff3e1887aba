/// Deferred acceptance (Gale–Shapley), proposer-optimal: proposers (mentees) propose down their
/// lists; each receiver (mentor) holds its best proposals up to its capacity. Lists may be
/// incomplete: a pair absent from either list never matches.
public enum StableMatching {
    /// Receivers' rankings of proposers as a flat table: `rank[receiver * proposers + proposer]`,
    /// lower is better, -1 when unacceptable.
    public struct Rankings: Sendable {
        public let proposers: Int
        public let receivers: Int
        var rank: [Int32]

        /// Builds the table from each receiver's ordered list of acceptable proposers.
        public init(proposers: Int, receiverLists: [[Int]]) {
            self.proposers = proposers
            receivers = receiverLists.count
            rank = [Int32](repeating: -1, count: proposers * receiverLists.count)
            for (receiver, list) in receiverLists.enumerated() {
                for (position, proposer) in list.enumerated() where rank[receiver * proposers + proposer] < 0 {
                    rank[receiver * proposers + proposer] = Int32(position)
                }
            }
        }

        @inline(__always) func rank(of proposer: Int, by receiver: Int) -> Int32 { rank[receiver * proposers + proposer] }
    }

    /// For each proposer its receiver, or nil.
    public static func solve(proposerLists: [[Int]], rankings: Rankings, capacities: [Int]) -> [Int?] {
        var next = [Int](repeating: 0, count: proposerLists.count)
        return deferredAcceptance(proposers: proposerLists.count, receivers: rankings.receivers, capacities: capacities,
            nextChoice: { proposer in
                let list = proposerLists[proposer]
                while next[proposer] < list.count {
                    let receiver = list[next[proposer]]
                    next[proposer] += 1
                    if rankings.rank(of: proposer, by: receiver) >= 0 { return receiver }
                }
                return nil
            },
            key: { proposer, receiver in UInt64(rankings.rank(of: proposer, by: receiver)) })
    }

    /// Deferred acceptance where both sides rank by cost (lower is better, ties by index; forbidden
    /// pairs are on neither list). Proposers take their next choice from a heap, so their lists are
    /// never fully sorted, and receivers compare costs directly instead of keeping rank tables.
    public static func solve(costs: DenseCosts, capacities: [Int]) -> [Int?] {
        let rows = costs.rowCount, columns = costs.columnCount
        @inline(__always) func key(_ cost: Int32, _ index: Int) -> UInt64 { UInt64(UInt32(bitPattern: cost) ^ 0x8000_0000) << 32 | UInt64(index) }
        return costs.values.withUnsafeBufferPointer { values in
            var heaps = [[UInt64]](repeating: [], count: rows)
            for row in 0..<rows {
                let base = row * columns
                var heap: [UInt64] = []
                heap.reserveCapacity(columns)
                for column in 0..<columns where values[base + column] != DenseCosts.forbidden && capacities[column] > 0 {
                    heap.append(key(values[base + column], column))
                }
                MinHeap.heapify(&heap)
                heaps[row] = heap
            }
            return deferredAcceptance(proposers: rows, receivers: columns, capacities: capacities,
                nextChoice: { proposer in MinHeap.popMinimum(&heaps[proposer]).map { Int($0 & 0xFFFF_FFFF) } },
                key: { proposer, receiver in key(values[proposer * columns + receiver], proposer) })
        }
    }

    /// The proposing loop both entry points share: free proposers take their next acceptable
    /// choice until one holds them or they run out; `key` orders a receiver's proposers (lower is better).
    private static func deferredAcceptance(proposers: Int, receivers: Int, capacities: [Int],
                                           nextChoice: (Int) -> Int?, key: (Int, Int) -> UInt64) -> [Int?] {
        var receiverOf = [Int?](repeating: nil, count: proposers)
        var held = [[Int32]](repeating: [], count: receivers)
        var free = Array((0..<proposers).reversed())
        while let proposer = free.popLast() {
            while let receiver = nextChoice(proposer) {
                guard case .held(let displaced) = answer(proposer, held: &held[receiver], capacity: capacities[receiver], key: { key($0, receiver) }) else { continue }
                receiverOf[proposer] = receiver
                if let displaced { receiverOf[displaced] = nil; free.append(displaced) }
                break
            }
        }
        return receiverOf
    }

    enum Answer { case refused, held(displacing: Int?) }

    /// A receiver's answer to a proposal: hold it while there is room, or in place of the worst held
    /// proposer (the largest `key`) when it is better; otherwise refuse.
    static func answer(_ proposer: Int, held: inout [Int32], capacity: Int, key: (Int) -> UInt64) -> Answer {
        guard capacity > 0 else { return .refused }
        if held.count < capacity {
            held.append(Int32(proposer))
            return .held(displacing: nil)
        }
        var worst = 0, worstKey = UInt64.min
        for (index, other) in held.enumerated() {
            let otherKey = key(Int(other))
            if otherKey >= worstKey { worstKey = otherKey; worst = index }
        }
        guard key(proposer) < worstKey else { return .refused }
        let displaced = Int(held[worst])
        held[worst] = Int32(proposer)
        return .held(displacing: displaced)
    }

    /// A pair that would both rather be together than with what they have, or nil when the matching is stable.
    public static func blockingPair(_ matching: [Int?], proposerLists: [[Int]], rankings: Rankings, capacities: [Int]) -> (proposer: Int, receiver: Int)? {
        var held = [[Int]](repeating: [], count: rankings.receivers)
        for (proposer, receiver) in matching.enumerated() { if let receiver { held[receiver].append(proposer) } }
        for (proposer, list) in proposerLists.enumerated() {
            for receiver in list {
                if receiver == matching[proposer] { break }
                let rank = rankings.rank(of: proposer, by: receiver)
                guard rank >= 0, capacities[receiver] > 0 else { continue }
                if held[receiver].count < capacities[receiver] { return (proposer, receiver) }
                if held[receiver].contains(where: { rankings.rank(of: $0, by: receiver) > rank }) { return (proposer, receiver) }
            }
        }
        return nil
    }
}
