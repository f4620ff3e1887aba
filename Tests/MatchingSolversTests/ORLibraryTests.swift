import Foundation
import MatchingSolvers
import Testing

/// The public OR-Library instances with their published optima.
@Suite("OR-Library instances")
struct ORLibraryTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/benchmarks/orlib").standardized
    static let optima: [(String, Int64)] = [
        ("assign100", 305), ("assign200", 475), ("assign300", 626), ("assign400", 804), ("assign500", 991),
        ("assign600", 1176), ("assign700", 1362), ("assign800", 1552),
        ("assignp800", 2239), ("assignp1500", 5839), ("assignp3000", 18696), ("assignp5000", 48533),
    ]

    @Test("reaches the published optimum with a checked certificate", arguments: optima)
    func instance(name: String, optimum: Int64) throws {
        let path = Self.directory.appendingPathComponent("\(name).txt").path
        guard let data = FileManager.default.contents(atPath: path) else {
            print("⚠️  OR-Library instance \(name) is ABSENT at \(path): this case did not run")
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("\(name) is missing under CI at \(path)") }
            return
        }
        let problem = try ProblemFile.parse(text: [UInt8](data))
        let result: Assignment
        switch problem {
        case .dense(let costs): result = try CapacitatedAssignment.solve(costs, capacities: [Int](repeating: 1, count: costs.columnCount))
        case .sparse(let costs): result = try CapacitatedAssignment.solve(costs, capacities: [Int](repeating: 1, count: costs.columnCount))
        }
        #expect(name.hasPrefix("assignp") == { if case .sparse = problem { true } else { false } }())
        #expect(result.assignedCount == problem.rowCount)
        #expect(result.totalCost == optimum)
        #expect(result.optimal)
    }
}
