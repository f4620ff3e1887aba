/// What a programme manager changes in a cycle's plan before publishing it: pairs made by hand
/// (locked), mentees left out, and weights tried instead of the programme's. The page that shows
/// the plan and the publication that makes it take the same edits, so what is published is what
/// was shown.
public struct PlanEdits: Sendable {
    /// Hand-made pairs (mentee enrolment, mentor enrolment) kept as they are.
    public var locked: [(mentee: Enrolment.ID, mentor: Enrolment.ID)]
    /// Mentees kept out of this plan.
    public var leftOut: Set<Enrolment.ID>
    /// Weights to plan with instead of the programme's (not saved with the programme).
    public var weights: MatchWeights?

    /// Creates edits; none by default.
    public init(locked: [(mentee: Enrolment.ID, mentor: Enrolment.ID)] = [], leftOut: Set<Enrolment.ID> = [], weights: MatchWeights? = nil) {
        self.locked = locked
        self.leftOut = leftOut
        self.weights = weights
    }

    /// No changes: the programme's own optimal plan.
    public static let none = PlanEdits()

    public var isEmpty: Bool { locked.isEmpty && leftOut.isEmpty && weights == nil }
}
