import MatchingSolvers

/// Group mentoring (PRODUCT.md M4): mentees go into mentors' groups (capacity = group size) by
/// their fit with the mentor, solved exactly, and are then moved between groups while fit and
/// shared development goals together improve, so each group works on goals its members share.
enum GroupPlanner {
    /// The largest cohort formed this way: the shared goals between every two mentees are held at
    /// once, and each pass of the search tries every two mentees; a larger one is matched by fit alone.
    static let largest = 500
    /// What one development goal two members of a group share counts, in the solver's points
    /// (100 to a score point): three score points.
    static let sharedGoal: Int32 = 300

    /// Groups for the free mentees (rows of `values`, the planner's costs) with the mentors' `capacities`;
    /// `goals` are every mentee's development goals by their index in the cohort.
    static func form(_ values: [Int32], free: [Int], capacities: [Int], goals: [Set<String>]) throws -> (MatchPlan.Certificate, [Int?]) {
        let columns = capacities.count
        // The planner's cost is (100 − score) × 100; the fit is the score × 100.
        let fit: [[Int32?]] = free.indices.map { row in
            (0..<columns).map { column in
                let cost = values[row * columns + column]
                return cost == DenseCosts.forbidden ? nil : max(0, 10_000 - cost)
            }
        }
        let affinity: [[Int32]] = free.map { a in free.map { b in a == b ? 0 : Int32(goals[a].intersection(goals[b]).count) * sharedGoal } }
        let result = try GroupFormation.form(fit: fit, affinity: affinity, groupSizes: capacities)
        let certificate = MatchPlan.Certificate(
            solver: "group formation (fit by capacitated assignment, then shared development goals)",
            optimal: result.fitOptimal, gap: 0, objective: result.objectiveAfter)
        return (certificate, result.mentorOfMentee)
    }
}
