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
    ///
    /// Dense graphs are solved by pricing: the blossom algorithm runs on each vertex's
    /// `strongestPerVertex` heaviest edges, then every other edge is priced against the duals it
    /// found. Edges that break them are added and the run repeated; when none does, the duals prove
    /// the matching optimal on the whole graph. (With `maximumCardinality` a candidate run that
    /// leaves two or more vertices free can't prove its size, so the whole graph is solved.)
    public static func solve(vertices: Int, edges: [Edge], maximumCardinality: Bool = false, strongestPerVertex: Int = 10) -> Result {
        let usable = edges.filter { $0.a != $0.b && (0..<vertices).contains($0.a) && (0..<vertices).contains($0.b) }
        guard !usable.isEmpty, vertices > 0 else { return Result(mates: [Int?](repeating: nil, count: max(vertices, 0)), optimal: true) }
        var candidates = strongestEdges(of: usable, vertices: vertices, perVertex: strongestPerVertex)
        while true {
            let everything = candidates.count == usable.count
            var solver = BlossomSolver(vertices: vertices, edges: everything ? usable : candidates.map { usable[$0] },
                                       maximumCardinality: maximumCardinality)
            solver.run()
            let mates = (0..<vertices).map { solver.mate[$0] >= 0 ? solver.endpoint[solver.mate[$0]] : nil }
            let proven = solver.verifyOptimum()
            if everything || !proven { return Result(mates: mates, optimal: proven) }
            if maximumCardinality && mates.lazy.filter({ $0 == nil }).count > 1 {
                candidates = Array(usable.indices)
                continue
            }
            let breaking = solver.edgesBreakingTheDuals(usable)
            if breaking.isEmpty { return Result(mates: mates, optimal: true) }
            candidates = breaking.count * 4 > usable.count ? Array(usable.indices) : Array(Set(candidates).union(breaking)).sorted()
        }
    }

    /// The indices of each vertex's `perVertex` heaviest edges (all of them when that is every edge).
    static func strongestEdges(of edges: [Edge], vertices: Int, perVertex: Int) -> [Int] {
        // Each vertex keeps its heaviest edges so far, heaviest first.
        var kept = [[(weight: Int64, index: Int)]](repeating: [], count: vertices)
        var tooMany = false
        func offer(_ vertex: Int, _ weight: Int64, _ index: Int) {
            if kept[vertex].count == perVertex {
                tooMany = true
                guard weight > kept[vertex][perVertex - 1].weight else { return }
                kept[vertex].removeLast()
            }
            var position = kept[vertex].count
            while position > 0 && kept[vertex][position - 1].weight < weight { position -= 1 }
            kept[vertex].insert((weight, index), at: position)
        }
        for (index, edge) in edges.enumerated() {
            offer(edge.a, edge.weight, index)
            offer(edge.b, edge.weight, index)
        }
        guard tooMany else { return Array(edges.indices) }
        var chosen = [Bool](repeating: false, count: edges.count)
        for list in kept { for entry in list { chosen[entry.index] = true } }
        return edges.indices.filter { chosen[$0] }
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
