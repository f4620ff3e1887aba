/// The answer of an assignment solve, with the proof of its optimality.
public struct Assignment: Sendable, Equatable {
    /// For each row the columns it takes (at most one unless rows have capacities), sorted.
    public let columnsOfRow: [[Int]]
    /// For each row its (first) column, or nil when the row is unassigned.
    public var columnOfRow: [Int?] { columnsOfRow.map(\.first) }
    /// How many (row, column) pairs are assigned (as many as possible).
    public let assignedCount: Int
    /// The total cost of the assigned pairs (as low as possible for that many).
    public let totalCost: Int64
    /// The dual solution that proves optimality.
    public let certificate: DualCertificate
    /// True only when the certificate was checked and holds: the answer is proven optimal.
    public let optimal: Bool
    /// The answer's objective minus the certificate's dual bound (in the penalised, offset costs);
    /// zero proves the answer optimal.
    public let gap: Int64
}

/// Dual potentials of the assignment problem with capacities, in which every place of a row is
/// either taken by a column or "stays unassigned" at the penalty `unassignedPenalty` (larger than
/// any difference a whole assignment's costs can make, so the number assigned comes first and the
/// cost second).
/// Costs are taken relative to `costOffset` (the smallest cost), so that they are non-negative.
///
/// The certificate holds when, for every admissible pair, `cost - offset - row - column ≥ 0`, with
/// equality on assigned pairs; `penalty - row ≥ 0` with equality on rows with places left; every column
/// potential is ≤ 0 and is 0 when the column has spare capacity. By linear-programming duality
/// no assignment can then be cheaper.
public struct DualCertificate: Sendable, Equatable {
    public let rowPotentials: [Int64]
    public let columnPotentials: [Int64]
    public let unassignedPenalty: Int64
    public let costOffset: Int64

    /// The dual objective: a lower bound on the penalised, offset cost of any assignment.
    public func dualBound(capacities: [Int], rowCapacities: [Int]) -> Int64 {
        zip(rowPotentials, rowCapacities).reduce(0) { $0 + $1.0 * Int64($1.1) }
            + zip(columnPotentials, capacities).reduce(0) { $0 + $1.0 * Int64($1.1) }
    }
}

/// An input the solver refuses, with what is wrong.
public struct AssignmentInputError: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
