import Foundation
@testable import MatchingSolvers
import Testing

@Suite("Capacitated assignment")
struct CapacitatedAssignmentTests {
    /// Shapes of random problems: wide cost ranges with forbidden pairs, and few distinct costs
    /// (many ties) on complete matrices, which take other paths through the dense search.
    static let shapes: [(maxCost: Int32, forbiddenShare: Double)] = [(20, 0.25), (2, 0), (1_000_000_000, 0.1)]

    @Test("agrees with brute force on 3,000 random problems per shape, with capacities, dense and sparse", arguments: shapes)
    func bruteForce(maxCost: Int32, forbiddenShare: Double) throws {
        for seed in UInt64(1)...3_000 {
            let problem = RandomProblem(seed: seed, maxColumns: 5, maxCost: maxCost, forbiddenShare: forbiddenShare)
            let expected = BruteForce.assignment(problem.costs, capacities: problem.capacities)
            for result in [try CapacitatedAssignment.solve(problem.costs, capacities: problem.capacities),
                           try CapacitatedAssignment.solve(problem.costs, capacities: problem.capacities, start: .plain),
                           try CapacitatedAssignment.solve(problem.sparse, capacities: problem.capacities)] {
                #expect(result.optimal, "certificate failed for seed \(seed)")
                #expect(result.gap == 0, "seed \(seed): the dual bound must meet the objective")
                #expect(result.assignedCount == expected.assigned && result.totalCost == expected.cost, "seed \(seed)")
                if result.assignedCount != expected.assigned || result.totalCost != expected.cost || !result.optimal { return }
            }
        }
    }

    @Test("rows with capacities of their own agree with brute force on 3,000 random problems", arguments: shapes)
    func rowCapacities(maxCost: Int32, forbiddenShare: Double) throws {
        for seed in UInt64(1)...3_000 {
            let problem = RandomProblem(seed: seed, maxRows: 4, maxColumns: 4, maxCost: maxCost, forbiddenShare: forbiddenShare)
            var random = SplitMix(seed: seed &* 7)
            let rowCapacities = (0..<problem.costs.rowCount).map { _ in Int.random(in: 0...3, using: &random) }
            let expected = BruteForce.transport(problem.costs, capacities: problem.capacities, rowCapacities: rowCapacities)
            for result in [try CapacitatedAssignment.solve(problem.costs, capacities: problem.capacities, rowCapacities: rowCapacities),
                           try CapacitatedAssignment.solve(problem.costs, capacities: problem.capacities, rowCapacities: rowCapacities, start: .plain),
                           try CapacitatedAssignment.solve(problem.sparse, capacities: problem.capacities, rowCapacities: rowCapacities)] {
                #expect(result.optimal && result.gap == 0, "seed \(seed): certificate")
                #expect(result.assignedCount == expected.assigned && result.totalCost == expected.cost, "seed \(seed): \(result.assignedCount)/\(result.totalCost) vs \(expected)")
                #expect(zip(result.columnsOfRow, rowCapacities).allSatisfy { $0.count <= $1 })
                if result.assignedCount != expected.assigned || result.totalCost != expected.cost || !result.optimal { return }
            }
        }
    }

    @Test("square one-to-one problems (the Jonker–Volgenant start) agree with brute force and with the plain start",
          arguments: [(Int32(3), 0.0), (1_000_000, 0.0), (1_000, 0.2)])
    func squareUnitProblems(maxCost: Int32, forbiddenShare: Double) throws {
        func square(seed: UInt64, sizes: ClosedRange<Int>) -> DenseCosts {
            var random = SplitMix(seed: seed)
            let n = Int.random(in: sizes, using: &random)
            return DenseCosts(rows: n, columns: n, values: (0..<(n * n)).map { _ in
                Double.random(in: 0..<1, using: &random) < forbiddenShare ? DenseCosts.forbidden : Int32.random(in: 0...maxCost, using: &random)
            })
        }
        for seed in UInt64(1)...2_000 {
            let costs = square(seed: seed, sizes: 1...7), n = costs.rowCount
            let units = [Int](repeating: 1, count: n)
            let expected = BruteForce.assignment(costs, capacities: units)
            let result = try CapacitatedAssignment.solve(costs, capacities: units)
            #expect(result.optimal && result.gap == 0, "seed \(seed): certificate")
            #expect(result.assignedCount == expected.assigned && result.totalCost == expected.cost, "seed \(seed): \(result.totalCost) vs \(expected)")
            if result.totalCost != expected.cost { return }
        }
        // Larger ones, where settled columns pile up in the search lists: the same objective as the plain start.
        for seed in UInt64(1)...20 {
            let costs = square(seed: seed, sizes: 50...150), n = costs.rowCount
            let units = [Int](repeating: 1, count: n)
            let fast = try CapacitatedAssignment.solve(costs, capacities: units)
            let plain = try CapacitatedAssignment.solve(SparseCosts(dense: costs), capacities: units, start: .plain)
            #expect(fast.optimal && plain.optimal)
            #expect(fast.assignedCount == plain.assignedCount && fast.totalCost == plain.totalCost, "seed \(seed), n \(n)")
        }
    }

    @Test("the certificate check rejects a wrong answer")
    func certificateRejects() throws {
        let costs = DenseCosts(rows: 2, columns: 2, values: [1, 10, 10, 1])
        let result = try CapacitatedAssignment.solve(costs, capacities: [1, 1])
        #expect(result.optimal && result.totalCost == 2)
        #expect(!CapacitatedAssignment.verify(costs, capacities: [1, 1], columnOfRow: [1, 0], certificate: result.certificate))
        let tampered = DualCertificate(rowPotentials: result.certificate.rowPotentials.map { $0 + 1 }, columnPotentials: result.certificate.columnPotentials,
                                       unassignedPenalty: result.certificate.unassignedPenalty, costOffset: result.certificate.costOffset)
        #expect(!CapacitatedAssignment.verify(costs, capacities: [1, 1], columnOfRow: result.columnOfRow, certificate: tampered))
    }

    @Test("prefers assigning more rows to a cheaper total, and leaves a row with no admissible column unassigned")
    func cardinalityFirst() throws {
        // Row 0 can take either column; row 1 only column 0. Cheapest is row 0 → column 0 alone,
        // but two assigned rows beat one.
        let costs = DenseCosts(rows: 3, columns: 2, values: [1, 100, 50, DenseCosts.forbidden, DenseCosts.forbidden, DenseCosts.forbidden])
        let result = try CapacitatedAssignment.solve(costs, capacities: [1, 1])
        #expect(result.columnOfRow == [1, 0, nil])
        #expect(result.assignedCount == 2 && result.totalCost == 150 && result.optimal)
    }

    @Test("handles rectangular shapes, ties, zero capacities and costs up to 10⁹ without overflow")
    func edgeCases() throws {
        let wide = try CapacitatedAssignment.solve(DenseCosts(rows: 2, columns: 5, values: [Int32](repeating: 7, count: 10)), capacities: [1, 0, 1, 1, 1])
        #expect(wide.assignedCount == 2 && wide.totalCost == 14 && wide.optimal)
        let tall = try CapacitatedAssignment.solve(DenseCosts(rows: 7, columns: 2, values: [Int32](repeating: 1_000_000_000, count: 14)), capacities: [3, 2])
        #expect(tall.assignedCount == 5 && tall.totalCost == 5_000_000_000 && tall.optimal)
        let mixed = try CapacitatedAssignment.solve(DenseCosts(rows: 2, columns: 2, values: [-1_000_000_000, 1_000_000_000, 1_000_000_000, -1_000_000_000]), capacities: [1, 1])
        #expect(mixed.totalCost == -2_000_000_000 && mixed.optimal)
        let nothing = try CapacitatedAssignment.solve(DenseCosts(rows: 2, columns: 1, values: [DenseCosts.forbidden, DenseCosts.forbidden]), capacities: [1])
        #expect(nothing.assignedCount == 0 && nothing.optimal)
        #expect(throws: AssignmentInputError.self) { try CapacitatedAssignment.solve(DenseCosts(rows: 1, columns: 1, values: [1]), capacities: [1, 2]) }
    }

    @Test("a column with capacity k takes k rows without being copied", arguments: [1, 3, 5])
    func capacity(_ k: Int) throws {
        var random = SplitMix(seed: UInt64(k))
        let rows = 40, columns = 10
        let costs = DenseCosts(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in Int32.random(in: 0...1000, using: &random) })
        let result = try CapacitatedAssignment.solve(costs, capacities: [Int](repeating: k, count: columns))
        #expect(result.optimal)
        #expect(result.assignedCount == min(rows, k * columns))
        let loads = Dictionary(grouping: result.columnOfRow.compactMap { $0 }, by: { $0 }).mapValues(\.count)
        #expect(loads.values.allSatisfy { $0 <= k })
    }
}
