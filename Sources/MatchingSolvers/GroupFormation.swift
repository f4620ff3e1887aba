/// Groups for group mentoring: mentees into mentors' groups (capacity = group size), scoring each
/// mentee's fit with the mentor plus the affinity (shared development goals) between members of a
/// group. The fit alone is solved exactly first; then a local search moves and swaps mentees
/// between groups while the whole objective improves. Both objectives are reported.
public enum GroupFormation {
    /// The groups and the objective before and after the local search.
    public struct Result: Sendable, Equatable {
        /// For each mentee its mentor (group), or nil.
        public let mentorOfMentee: [Int?]
        /// Fit plus affinity of the exact fit-only assignment.
        public let objectiveBefore: Int64
        /// Fit plus affinity after the local search (never lower).
        public let objectiveAfter: Int64
        /// True when the first step's assignment was proven optimal for fit.
        public let fitOptimal: Bool
    }

    /// `fit[mentee][mentor]` (higher is better, nil when forbidden, within 0…1,000,000) and the
    /// symmetric `affinity[a][b]` between mentees (counted once per pair in a group).
    public static func form(fit: [[Int32?]], affinity: [[Int32]], groupSizes: [Int], maximumPasses: Int = 50) throws(AssignmentInputError) -> Result {
        let mentees = fit.count, mentors = groupSizes.count
        guard affinity.count == mentees, affinity.allSatisfy({ $0.count == mentees }), fit.allSatisfy({ $0.count == mentors }) else {
            throw AssignmentInputError("fit must be mentees × mentors and affinity mentees × mentees")
        }
        var values = [Int32](repeating: DenseCosts.forbidden, count: mentees * mentors)
        for mentee in 0..<mentees {
            for mentor in 0..<mentors { if let score = fit[mentee][mentor] { values[mentee * mentors + mentor] = 1_000_000 - score } }
        }
        let assignment = try CapacitatedAssignment.solve(DenseCosts(rows: mentees, columns: mentors, values: values), capacities: groupSizes)
        var groups = Groups(mentorOf: assignment.columnOfRow, fit: fit, affinity: affinity, sizes: groupSizes)
        let before = groups.objective()
        groups.improve(maximumPasses: maximumPasses)
        return Result(mentorOfMentee: groups.mentorOf, objectiveBefore: before, objectiveAfter: groups.objective(), fitOptimal: assignment.optimal)
    }

    /// The groups during the local search.
    struct Groups {
        var mentorOf: [Int?]
        let fit: [[Int32?]]
        let affinity: [[Int32]]
        let sizes: [Int]
        var members: [[Int]]

        init(mentorOf: [Int?], fit: [[Int32?]], affinity: [[Int32]], sizes: [Int]) {
            self.mentorOf = mentorOf
            self.fit = fit
            self.affinity = affinity
            self.sizes = sizes
            members = [[Int]](repeating: [], count: sizes.count)
            for (mentee, mentor) in mentorOf.enumerated() { if let mentor { members[mentor].append(mentee) } }
        }

        func objective() -> Int64 {
            var total: Int64 = 0
            for (mentee, mentor) in mentorOf.enumerated() { if let mentor, let score = fit[mentee][mentor] { total += Int64(score) } }
            for group in members {
                for (index, a) in group.enumerated() { for b in group[(index + 1)...] { total += Int64(affinity[a][b]) } }
            }
            return total
        }

        /// What `mentee` brings to `mentor`'s group (fit plus affinity with its members), leaving out `except`.
        func contribution(_ mentee: Int, to mentor: Int, except: Int = -1) -> Int64? {
            guard let score = fit[mentee][mentor] else { return nil }
            return Int64(score) + members[mentor].reduce(Int64(0)) { $1 == mentee || $1 == except ? $0 : $0 + Int64(affinity[mentee][$1]) }
        }

        /// Moves a mentee into a group with room, or swaps two mentees of different groups, while
        /// that raises the objective; stops at a local optimum or after `maximumPasses`.
        mutating func improve(maximumPasses: Int) {
            let mentees = mentorOf.count
            for _ in 0..<maximumPasses {
                var improved = false
                for a in 0..<mentees {
                    guard let from = mentorOf[a], let here = contribution(a, to: from) else { continue }
                    for to in 0..<sizes.count where to != from && members[to].count < sizes[to] {
                        if let there = contribution(a, to: to), there > here { move(a, to: to); improved = true; break }
                    }
                    guard let current = mentorOf[a] else { continue }
                    for b in (a + 1)..<max(a + 1, mentees) {
                        guard let other = mentorOf[b], other != current,
                              let aHere = contribution(a, to: current, except: b), let bHere = contribution(b, to: other, except: a),
                              let aThere = contribution(a, to: other, except: b), let bThere = contribution(b, to: current, except: a),
                              aThere + bThere > aHere + bHere else { continue }
                        move(a, to: other)
                        move(b, to: current)
                        improved = true
                        break
                    }
                }
                if !improved { return }
            }
        }

        mutating func move(_ mentee: Int, to mentor: Int) {
            if let from = mentorOf[mentee] { members[from].removeAll { $0 == mentee } }
            members[mentor].append(mentee)
            mentorOf[mentee] = mentor
        }
    }
}
