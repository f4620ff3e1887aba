@testable import MatchingSolvers
import Testing

@Suite("General matching")
struct GeneralMatchingTests {
    /// The best matching by exhaustive search: (pairs, weight) with cardinality first when asked.
    static func bruteForce(_ n: Int, _ edges: [GeneralMatching.Edge], maximumCardinality: Bool) -> (pairs: Int, weight: Int64) {
        var used = [Bool](repeating: false, count: n)
        var best = (pairs: 0, weight: Int64(0))
        func better(_ a: (pairs: Int, weight: Int64), than b: (pairs: Int, weight: Int64)) -> Bool {
            maximumCardinality ? (a.pairs > b.pairs || (a.pairs == b.pairs && a.weight > b.weight)) : a.weight > b.weight
        }
        func visit(_ index: Int, _ pairs: Int, _ weight: Int64) {
            if better((pairs, weight), than: best) { best = (pairs, weight) }
            guard index < edges.count else { return }
            visit(index + 1, pairs, weight)
            let edge = edges[index]
            if !used[edge.a] && !used[edge.b] {
                used[edge.a] = true; used[edge.b] = true
                visit(index + 1, pairs + 1, weight + edge.weight)
                used[edge.a] = false; used[edge.b] = false
            }
        }
        visit(0, 0, 0)
        return best
    }

    static func randomGraph(_ seed: UInt64) -> (Int, [GeneralMatching.Edge]) {
        var random = SplitMix(seed: seed)
        let n = Int.random(in: 1...9, using: &random)
        var edges: [GeneralMatching.Edge] = []
        for a in 0..<n {
            for b in (a + 1)..<max(a + 1, n) where Double.random(in: 0..<1, using: &random) < 0.5 {
                edges.append(.init(a, b, Int64.random(in: -5...30, using: &random)))
            }
        }
        return (n, edges)
    }

    @Test("agrees with brute force on 3,000 random graphs, for weight and for cardinality first", arguments: [false, true])
    func bruteForce(maximumCardinality: Bool) {
        for seed in UInt64(1)...3_000 {
            let (n, edges) = Self.randomGraph(seed)
            let result = GeneralMatching.solve(vertices: n, edges: edges, maximumCardinality: maximumCardinality)
            #expect(result.optimal, "seed \(seed): the dual check failed")
            let mates = result.mates
            let expected = Self.bruteForce(n, edges, maximumCardinality: maximumCardinality)
            for (v, mate) in mates.enumerated() { if let mate { #expect(mates[mate] == v, "seed \(seed): not symmetric") } }
            let pairs = mates.compactMap { $0 }.count / 2
            let weight = GeneralMatching.weight(of: mates, edges: edges)
            if maximumCardinality { #expect(pairs == expected.pairs, "seed \(seed)") }
            #expect(weight == expected.weight, "seed \(seed): weight \(weight), expected \(expected.weight)")
            if weight != expected.weight { return }
        }
    }

    @Test("pricing from a few strongest edges per vertex reaches the same optimum, proven on the whole graph",
          arguments: [1, 2, 3])
    func pricing(strongestPerVertex: Int) {
        for maximumCardinality in [false, true] {
            for seed in UInt64(1)...1_500 {
                let (n, edges) = Self.randomGraph(seed)
                let result = GeneralMatching.solve(vertices: n, edges: edges, maximumCardinality: maximumCardinality,
                                                   strongestPerVertex: strongestPerVertex)
                let expected = Self.bruteForce(n, edges, maximumCardinality: maximumCardinality)
                #expect(result.optimal, "seed \(seed): the dual check failed")
                let weight = GeneralMatching.weight(of: result.mates, edges: edges)
                if maximumCardinality { #expect(result.mates.compactMap { $0 }.count / 2 == expected.pairs, "seed \(seed)") }
                #expect(weight == expected.weight, "seed \(seed), \(strongestPerVertex) per vertex: weight \(weight), expected \(expected.weight)")
                if weight != expected.weight { return }
            }
        }
    }

    @Test("only the heaviest edges of each vertex are candidates, and every edge when none has more")
    func strongestEdges() {
        let edges: [GeneralMatching.Edge] = [.init(0, 1, 5), .init(0, 2, 9), .init(0, 3, 1), .init(1, 2, 2), .init(2, 3, 4)]
        // Vertex 0 keeps 0-2 and 0-1; 1 keeps 0-1 and 1-2; 2 keeps 0-2 and 2-3; 3 keeps 2-3 and 0-3.
        #expect(GeneralMatching.strongestEdges(of: edges, vertices: 4, perVertex: 2) == [0, 1, 2, 3, 4])
        #expect(GeneralMatching.strongestEdges(of: edges, vertices: 4, perVertex: 1) == [0, 1, 4])
        #expect(GeneralMatching.strongestEdges(of: edges, vertices: 4, perVertex: 3) == [0, 1, 2, 3, 4])
    }

    @Test("pairs an odd cycle with a blossom correctly")
    func blossom() {
        // A triangle 0-1-2 with a tail 2-3: the best is 0-1 and 2-3.
        let edges: [GeneralMatching.Edge] = [.init(0, 1, 6), .init(1, 2, 10), .init(0, 2, 8), .init(2, 3, 7)]
        let mates = GeneralMatching.solve(vertices: 4, edges: edges).mates
        #expect(mates == [1, 0, 3, 2])
        #expect(GeneralMatching.weight(of: mates, edges: edges) == 13)
    }
}
