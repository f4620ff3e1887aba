/// Maximum-weight matching on a general (not bipartite) graph — Edmonds' blossom algorithm with
/// dual variables, O(n³), after Galil's description as implemented by Van Rantwijk. Used to pair
/// peers from one pool. Integer weights keep every dual variable an integer (duals are doubled).
public enum GeneralMatching {
    /// An undirected edge with its weight.
    public struct Edge: Sendable, Equatable {
        public let a: Int
        public let b: Int
        public let weight: Int64
        /// Creates an edge between two distinct vertices.
        public init(_ a: Int, _ b: Int, _ weight: Int64) {
            self.a = a
            self.b = b
            self.weight = weight
        }
    }

    /// The matching and whether its dual solution was checked and proves it optimal.
    public struct Result: Sendable, Equatable {
        /// For each vertex its partner, or nil.
        public let mates: [Int?]
        public let optimal: Bool
    }

    /// A maximum-weight matching. With `maximumCardinality`, as many pairs as possible come first
    /// and the weight second; otherwise only the weight counts.
    public static func solve(vertices: Int, edges: [Edge], maximumCardinality: Bool = false) -> Result {
        let usable = edges.filter { $0.a != $0.b && (0..<vertices).contains($0.a) && (0..<vertices).contains($0.b) }
        guard !usable.isEmpty, vertices > 0 else { return Result(mates: [Int?](repeating: nil, count: max(vertices, 0)), optimal: true) }
        var solver = BlossomSolver(vertices: vertices, edges: usable, maximumCardinality: maximumCardinality)
        solver.run()
        return Result(mates: (0..<vertices).map { solver.mate[$0] >= 0 ? solver.endpoint[solver.mate[$0]] : nil },
                      optimal: solver.verifyOptimum())
    }

    /// The total weight of a matching.
    public static func weight(of mates: [Int?], edges: [Edge]) -> Int64 {
        var best: [Int: Int64] = [:]
        for edge in edges {
            let key = min(edge.a, edge.b) * (mates.count + 1) + max(edge.a, edge.b)
            best[key] = max(best[key] ?? .min, edge.weight)
        }
        var total: Int64 = 0
        for (vertex, mate) in mates.enumerated() {
            if let mate, vertex < mate { total += best[vertex * (mates.count + 1) + mate] ?? 0 }
        }
        return total
    }
}
