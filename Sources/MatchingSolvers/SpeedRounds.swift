/// Speed-mentoring rounds: in each of R rounds every mentor hosts a table of up to `tableSize`
/// mentees, no mentee meets the same mentor twice, and when mentees outnumber the seats the
/// sit-outs rotate, so nobody sits out a second time before everyone has sat out once.
/// Each round is an exact assignment (most mentees seated, then the highest total score) given
/// the meetings of the rounds before it.
public enum SpeedRounds {
    /// One round: the table (mentor) of each mentee, or nil for those sitting out or left without a new mentor.
    public struct Round: Sendable, Equatable {
        public let mentorOfMentee: [Int?]
        /// Mentees chosen to sit this round out (the seats were too few).
        public let sittingOut: [Int]
        /// True when the round's assignment was proven optimal.
        public let optimal: Bool
    }

    /// Schedules `rounds` rounds. `scores[mentee][mentor]` is the pair's score (higher is better)
    /// or nil when the pair may not meet; scores must lie within 0…1,000,000.
    public static func schedule(scores: [[Int32?]], mentors: Int, rounds: Int, tableSize: Int) throws(AssignmentInputError) -> [Round] {
        guard rounds >= 0, tableSize >= 1 else { throw AssignmentInputError("rounds must be 0 or more and tables must seat at least one") }
        let mentees = scores.count
        for row in scores where row.count != mentors { throw AssignmentInputError("every mentee needs a score (or nil) for each of the \(mentors) mentors") }
        for row in scores { for case let score? in row where !(0...1_000_000).contains(score) { throw AssignmentInputError("score \(score) is outside 0…1000000") } }
        let seats = mentors * tableSize
        let sitting = max(0, mentees - seats)
        var met = Set<Int>()
        var rotation = 0
        var schedule: [Round] = []
        for _ in 0..<rounds {
            // The next `sitting` mentees in a fixed rotation sit out: everyone once before anyone twice.
            let out = (0..<sitting).map { (rotation + $0) % mentees }
            rotation = (rotation + sitting) % max(mentees, 1)
            let outSet = Set(out)
            let seated = (0..<mentees).filter { !outSet.contains($0) }
            var values = [Int32](repeating: DenseCosts.forbidden, count: seated.count * mentors)
            for (row, mentee) in seated.enumerated() {
                for mentor in 0..<mentors where !met.contains(mentee * mentors + mentor) {
                    if let score = scores[mentee][mentor] { values[row * mentors + mentor] = 1_000_000 - score }
                }
            }
            let assignment = try CapacitatedAssignment.solve(DenseCosts(rows: seated.count, columns: mentors, values: values),
                                                             capacities: [Int](repeating: tableSize, count: mentors))
            var mentorOf = [Int?](repeating: nil, count: mentees)
            for (row, mentee) in seated.enumerated() {
                if let mentor = assignment.columnOfRow[row] {
                    mentorOf[mentee] = mentor
                    met.insert(mentee * mentors + mentor)
                }
            }
            schedule.append(Round(mentorOfMentee: mentorOf, sittingOut: out, optimal: assignment.optimal))
        }
        return schedule
    }
}
