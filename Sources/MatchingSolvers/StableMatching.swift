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
        let proposers = proposerLists.count
        var next = [Int](repeating: 0, count: proposers)
        var receiverOf = [Int?](repeating: nil, count: proposers)
        var held = [[Int32]](repeating: [], count: rankings.receivers)
        var free = Array((0..<proposers).reversed())
        while let proposer = free.popLast() {
            let list = proposerLists[proposer]
            while next[proposer] < list.count {
                let receiver = list[next[proposer]]
                next[proposer] += 1
                let rank = rankings.rank(of: proposer, by: receiver)
                guard rank >= 0, capacities[receiver] > 0 else { continue }
                if held[receiver].count < capacities[receiver] {
                    held[receiver].append(Int32(proposer))
                    receiverOf[proposer] = receiver
                    break
                }
                // Full: the proposal displaces the worst held proposer if it is better.
                var worst = 0
                for index in held[receiver].indices
                where rankings.rank(of: Int(held[receiver][index]), by: receiver) > rankings.rank(of: Int(held[receiver][worst]), by: receiver) {
                    worst = index
                }
                let displaced = Int(held[receiver][worst])
                if rankings.rank(of: displaced, by: receiver) > rank {
                    held[receiver][worst] = Int32(proposer)
                    receiverOf[proposer] = receiver
                    receiverOf[displaced] = nil
                    free.append(displaced)
                    break
                }
            }
        }
        return receiverOf
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
