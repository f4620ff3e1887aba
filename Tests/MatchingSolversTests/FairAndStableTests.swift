@testable import MatchingSolvers
import Testing

@Suite("Fair and stable matching")
struct FairAndStableTests {
    /// The least worst cost among maximum assignments, by brute force; then the least total.
    static func bruteForceFair(_ costs: DenseCosts, _ capacities: [Int]) -> (assigned: Int, worst: Int64?, total: Int64) {
        var load = [Int](repeating: 0, count: costs.columnCount)
        var best: (assigned: Int, worst: Int64, total: Int64) = (-1, .max, .max)
        func visit(_ row: Int, _ assigned: Int, _ worst: Int64, _ total: Int64) {
            if row == costs.rowCount {
                if assigned > best.assigned || (assigned == best.assigned && (worst < best.worst || (worst == best.worst && total < best.total))) {
                    best = (assigned, worst, total)
                }
                return
            }
            visit(row + 1, assigned, worst, total)
            for column in 0..<costs.columnCount where load[column] < capacities[column] {
                guard let cost = costs.cost(row: row, column: column) else { continue }
                load[column] += 1
                visit(row + 1, assigned + 1, max(worst, cost), total + cost)
                load[column] -= 1
            }
        }
        visit(0, 0, .min, 0)
        return (best.assigned, best.assigned == 0 ? nil : best.worst, best.total)
    }

    @Test("maximum cardinality agrees with brute force on 2,000 random problems")
    func cardinality() {
        for seed in UInt64(1)...2_000 {
            let problem = RandomProblem(seed: seed)
            let expected = BruteForce.assignment(problem.costs, capacities: problem.capacities).assigned
            #expect(BipartiteCardinality.maximum(problem.costs, capacities: problem.capacities) == expected, "seed \(seed)")
        }
    }

    @Test("the fairness variant agrees with brute force on 2,000 random problems, certificate checked")
    func fairness() throws {
        for seed in UInt64(1)...2_000 {
            let problem = RandomProblem(seed: seed)
            let expected = Self.bruteForceFair(problem.costs, problem.capacities)
            let result = try FairAssignment.solve(problem.costs, capacities: problem.capacities)
            #expect(result.assignment.optimal, "seed \(seed)")
            #expect(result.assignment.assignedCount == expected.assigned, "seed \(seed)")
            #expect(result.worstCost == expected.worst, "seed \(seed)")
            #expect(result.assignment.totalCost == expected.total, "seed \(seed)")
            if let below = result.assignableBelowWorst { #expect(below < expected.assigned) }
        }
    }

    @Test("a fair plan gives up total cost to lift the worst match")
    func fairnessTradesTotal() throws {
        // Optimal total pairs (0→0, 1→1) cost 1 + 9 = 10 with worst 9; the fair plan (0→1, 1→0) costs 6 + 6.
        let costs = DenseCosts(rows: 2, columns: 2, values: [1, 6, 6, 9])
        #expect(try CapacitatedAssignment.solve(costs, capacities: [1, 1]).totalCost == 10)
        let fair = try FairAssignment.solve(costs, capacities: [1, 1])
        #expect(fair.worstCost == 6 && fair.assignment.totalCost == 12 && fair.assignableBelowWorst == 1)
    }

    @Test("deferred acceptance leaves no blocking pair on 2,000 random instances with capacities and incomplete lists")
    func stable() {
        for seed in UInt64(1)...2_000 {
            var random = SplitMix(seed: seed)
            let proposers = Int.random(in: 1...12, using: &random), receivers = Int.random(in: 1...5, using: &random)
            let proposerLists = (0..<proposers).map { _ in Array((0..<receivers).shuffled(using: &random).prefix(Int.random(in: 0...receivers, using: &random))) }
            let receiverLists = (0..<receivers).map { _ in Array((0..<proposers).shuffled(using: &random).prefix(Int.random(in: 0...proposers, using: &random))) }
            let capacities = (0..<receivers).map { _ in Int.random(in: 0...3, using: &random) }
            let rankings = StableMatching.Rankings(proposers: proposers, receiverLists: receiverLists)
            let matching = StableMatching.solve(proposerLists: proposerLists, rankings: rankings, capacities: capacities)
            #expect(StableMatching.blockingPair(matching, proposerLists: proposerLists, rankings: rankings, capacities: capacities) == nil, "seed \(seed)")
            for (proposer, receiver) in matching.enumerated() {
                guard let receiver else { continue }
                #expect(proposerLists[proposer].contains(receiver) && receiverLists[receiver].contains(proposer), "seed \(seed): unacceptable pair")
            }
            let loads = Dictionary(grouping: matching.compactMap { $0 }, by: { $0 }).mapValues(\.count)
            #expect(loads.allSatisfy { $0.value <= capacities[$0.key] }, "seed \(seed)")
        }
    }

    @Test("the blocking-pair check finds an unstable matching")
    func blockingPairFound() {
        let rankings = StableMatching.Rankings(proposers: 2, receiverLists: [[0, 1], [0, 1]])
        let lists = [[0, 1], [0, 1]]
        #expect(StableMatching.solve(proposerLists: lists, rankings: rankings, capacities: [1, 1]) == [0, 1])
        #expect(StableMatching.blockingPair([1, 0], proposerLists: lists, rankings: rankings, capacities: [1, 1])! == (0, 0))
    }
}

@Suite("Stable matching from costs")
struct StableFromCostsTests {
    @Test("gives the same stable matching as sorted preference lists, on 1,000 random cost matrices")
    func sameAsLists() {
        for seed in UInt64(1)...1_000 {
            let problem = RandomProblem(seed: seed, maxRows: 10, maxColumns: 5, maxCost: 5)
            let costs = problem.costs
            let lists = (0..<costs.rowCount).map { row in
                (0..<costs.columnCount).compactMap { column in costs.cost(row: row, column: column).map { (column, $0) } }
                    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
            }
            let receiverLists = (0..<costs.columnCount).map { column in
                (0..<costs.rowCount).compactMap { row in costs.cost(row: row, column: column).map { (row, $0) } }
                    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
            }
            let rankings = StableMatching.Rankings(proposers: costs.rowCount, receiverLists: receiverLists)
            let expected = StableMatching.solve(proposerLists: lists, rankings: rankings, capacities: problem.capacities)
            let matching = StableMatching.solve(costs: costs, capacities: problem.capacities)
            #expect(matching == expected, "seed \(seed)")
            #expect(StableMatching.blockingPair(matching, proposerLists: lists, rankings: rankings, capacities: problem.capacities) == nil)
        }
    }
}
