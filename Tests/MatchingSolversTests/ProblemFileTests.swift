@testable import MatchingSolvers
import Testing

@Suite("Problem files")
struct ProblemFileTests {
    func parse(_ text: String) throws -> ProblemFile.Costs { try ProblemFile.parse(text: Array(text.utf8)) }

    @Test("tells OR-Library dense, sparse and shaped dense files apart")
    func formats() throws {
        guard case .dense(let square) = try parse(" 2\n 1 2\n 3 4\n") else { Issue.record("not dense"); return }
        #expect(square.values == [1, 2, 3, 4])
        guard case .dense(let shaped) = try parse("2 3\n1 2 3\n4 5 6\n") else { Issue.record("not shaped"); return }
        #expect(shaped.rowCount == 2 && shaped.columnCount == 3)
        guard case .sparse(let sparse) = try parse("2\n1 1 5\n2 2 7\n") else { Issue.record("not sparse"); return }
        #expect(sparse.cost(row: 1, column: 1) == 7 && sparse.cost(row: 0, column: 1) == nil)
    }

    @Test("says where a bad file goes wrong")
    func errors() {
        #expect(throws: IntegerText.ParseError(line: 3, column: 3, message: "'x' is not a whole number (the cost of row 2, column 2 expected)")) {
            try parse("2\n1 2\n3 x\n")
        }
        #expect(throws: IntegerText.ParseError.self) { try parse("2\n1 2 3 4 5\n") }
        #expect(throws: IntegerText.ParseError(line: 2, column: 1, message: "pair (3, 1) is outside 1…2")) { try parse("2\n3 1 5\n") }
    }

    @Test("declared sizes, raw shapes and graph weights out of bounds are refused, never overflowed")
    func bounds() {
        #expect(throws: IntegerText.ParseError.self) { try parse("2 9223372036854775807\n1 2\n") }
        #expect(throws: IntegerText.ParseError.self) { try parse("1000001\n1 1 1\n") }
        #expect(throws: IntegerText.ParseError.self) { try ProblemFile.parse(int32: [], rows: Int.max, columns: 2) }
        #expect(throws: IntegerText.ParseError(line: 2, column: 1, message: "weight 9000000000000000000 is outside ±1000000000000")) {
            try ProblemFile.parse(graph: Array("2\n1 2 9000000000000000000\n".utf8))
        }
    }
}
