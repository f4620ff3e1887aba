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
    @Option(help: "text (detected) or i32.") var format: Format = .text
    @Option(help: "Rows of an i32 file.") var rows: Int?
    @Option(help: "Columns of an i32 file.") var cols: Int?

    func validate() throws {
        guard capacity >= 0 else { throw ValidationError("--capacity \(capacity) must be 0 or more") }
        if format == .i32, rows == nil || cols == nil { throw ValidationError("--format i32 needs --rows and --cols") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let problem: ProblemFile.Costs
        do {
            problem = format == .i32
                ? .dense(try ProblemFile.parse(int32: [UInt8](data), rows: rows!, columns: cols!))
                : try ProblemFile.parse(text: [UInt8](data))
        } catch {
            throw ValidationError("\(file): \(error)")
        }
        let capacities = [Int](repeating: capacity, count: problem.columnCount)
        let clock = ContinuousClock()
        let start = clock.now
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

    /// The plain or the fair solve; the fair one also reports its worst assigned cost.
    private func solve<Costs: AssignmentCosts>(_ costs: Costs, _ capacities: [Int]) throws -> (Assignment, String) {
        guard fairness else { return (try CapacitatedAssignment.solve(costs, capacities: capacities), "") }
        let fair = try FairAssignment.solve(costs, capacities: capacities)
        return (fair.assignment, fair.worstCost.map { #""worst":\#($0),"# } ?? "")
    }
}
