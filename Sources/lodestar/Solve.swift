import ArgumentParser
import Foundation
import MatchingSolvers

/// `lodestar solve`: the assignment solver on a file, for benchmarks and integrators.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve an assignment problem file (minimise cost) and print one JSON line.",
        discussion: """
            Text files: OR-Library dense (n, then n×n costs), OR-Library sparse (n, then 'row column cost' \
            triples, 1-based; absent pairs are forbidden), or a dense matrix ('rows cols', then one row per line). \
            Raw little-endian int32 with --format i32 --rows N --cols M. solve_seconds excludes reading the file.
            """)

    enum Format: String, ExpressibleByArgument { case text, i32 }

    @Argument(help: "The problem file.") var file: String
    @Option(help: "Rows each column takes.") var capacity: Int = 1
    @Flag(help: "Minimise the worst assigned cost first, then the total.") var fairness = false
    @Flag(help: "The file is a general graph ('n', then 'a b weight' edges, 1-based): maximum-weight matching.") var general = false
    @Flag(help: "With --general: as many pairs as possible first, then the weight.") var maximumCardinality = false
    @Flag(help: "Stable matching (rows propose): both sides rank each other by cost; the time includes ranking.") var stable = false
    @Option(help: "text (detected) or i32.") var format: Format = .text
    @Option(help: "Rows of an i32 file.") var rows: Int?
    @Option(help: "Columns of an i32 file.") var cols: Int?

    func validate() throws {
        guard (0...1_000_000).contains(capacity) else { throw ValidationError("--capacity \(capacity) must be from 0 to 1000000") }
        if format == .i32, rows == nil || cols == nil { throw ValidationError("--format i32 needs --rows and --cols") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        if general { return try solveGeneral([UInt8](data)) }
        let problem: ProblemFile.Costs
        do {
            problem = format == .i32
                ? .dense(try ProblemFile.parse(int32: [UInt8](data), rows: rows ?? 0, columns: cols ?? 0))
                : try ProblemFile.parse(text: [UInt8](data))
        } catch {
            throw ValidationError("\(file): \(error)")
        }
        let capacities = [Int](repeating: capacity, count: problem.columnCount)
        let clock = ContinuousClock()
        let start = clock.now
        if stable {
            guard case .dense(let costs) = problem else { throw ValidationError("--stable needs a dense cost matrix") }
            let matching = StableMatching.solve(costs: costs, capacities: capacities)
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let total = matching.enumerated().reduce(Int64(0)) { sum, pair in sum + (pair.1.flatMap { costs.cost(row: pair.0, column: $0) } ?? 0) }
            print(#"{"rows":\#(problem.rowCount),"cols":\#(problem.columnCount),"assigned":\#(matching.compactMap { $0 }.count),"objective":\#(total),"solve_seconds":\#(String(format: "%.6f", seconds))}"#)
            return
        }
        let result: Assignment
        var worst = ""
        do {
            switch problem {
            case .dense(let costs): (result, worst) = try solve(costs, capacities)
            case .sparse(let costs): (result, worst) = try solve(costs, capacities)
            }
        } catch {
            throw ValidationError("\(file): \(error)")
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(#"{"rows":\#(problem.rowCount),"cols":\#(problem.columnCount),"assigned":\#(result.assignedCount),"objective":\#(result.totalCost),\#(worst)"optimal":\#(result.optimal),"solve_seconds":\#(String(format: "%.6f", seconds))}"#)
    }

    /// Maximum-weight matching on a general graph.
    private func solveGeneral(_ bytes: [UInt8]) throws {
        let graph: (vertices: Int, edges: [GeneralMatching.Edge])
        do { graph = try ProblemFile.parse(graph: bytes) } catch { throw ValidationError("\(file): \(error)") }
        let clock = ContinuousClock()
        let start = clock.now
        let result = GeneralMatching.solve(vertices: graph.vertices, edges: graph.edges, maximumCardinality: maximumCardinality)
        let mates = result.mates
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let pairs = mates.compactMap { $0 }.count / 2
        print(#"{"vertices":\#(graph.vertices),"edges":\#(graph.edges.count),"pairs":\#(pairs),"weight":\#(GeneralMatching.weight(of: mates, edges: graph.edges)),"optimal":\#(result.optimal),"solve_seconds":\#(String(format: "%.6f", seconds))}"#)
    }

    /// The plain or the fair solve; the fair one also reports its worst assigned cost.
    private func solve<Costs: AssignmentCosts>(_ costs: Costs, _ capacities: [Int]) throws -> (Assignment, String) {
        guard fairness else { return (try CapacitatedAssignment.solve(costs, capacities: capacities), "") }
        let fair = try FairAssignment.solve(costs, capacities: capacities)
        return (fair.assignment, fair.worstCost.map { #""worst":\#($0),"# } ?? "")
    }
}
