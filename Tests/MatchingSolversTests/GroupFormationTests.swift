@testable import MatchingSolvers
import Testing

@Suite("Group formation")
struct GroupFormationTests {
    @Test("keeps capacities and forbidden pairs, never lowers the objective, on 500 random cohorts")
    func properties() throws {
        for seed in UInt64(1)...500 {
            var random = SplitMix(seed: seed)
            let mentees = Int.random(in: 1...10, using: &random), mentors = Int.random(in: 1...4, using: &random)
            let fit = (0..<mentees).map { _ in (0..<mentors).map { _ in Double.random(in: 0..<1, using: &random) < 0.15 ? nil : Int32.random(in: 0...50, using: &random) } }
            var affinity = [[Int32]](repeating: [Int32](repeating: 0, count: mentees), count: mentees)
            for a in 0..<mentees { for b in (a + 1)..<max(a + 1, mentees) { let v = Int32.random(in: 0...30, using: &random); affinity[a][b] = v; affinity[b][a] = v } }
            let sizes = (0..<mentors).map { _ in Int.random(in: 1...4, using: &random) }
            let result = try GroupFormation.form(fit: fit, affinity: affinity, groupSizes: sizes)
            #expect(result.fitOptimal)
            #expect(result.objectiveAfter >= result.objectiveBefore, "seed \(seed)")
            let assigned = try CapacitatedAssignment.solve(
                DenseCosts(rows: mentees, columns: mentors, values: fit.flatMap { $0.map { $0.map { 1_000_000 - $0 } ?? DenseCosts.forbidden } }),
                capacities: sizes).assignedCount
            #expect(result.mentorOfMentee.compactMap { $0 }.count == assigned, "seed \(seed): the local search must keep everyone placed")
            for (mentee, mentor) in result.mentorOfMentee.enumerated() { if let mentor { #expect(fit[mentee][mentor] != nil) } }
            let loads = Dictionary(grouping: result.mentorOfMentee.compactMap { $0 }, by: { $0 }).mapValues(\.count)
            #expect(loads.allSatisfy { $0.value <= sizes[$0.key] }, "seed \(seed)")
        }
    }

    @Test("brings mentees with shared goals together when fit is equal")
    func sharedGoals() throws {
        // Four mentees, two groups of two, equal fit; 0 and 2 share goals, as do 1 and 3.
        let fit: [[Int32?]] = [[10, 10], [10, 10], [10, 10], [10, 10]]
        var affinity = [[Int32]](repeating: [0, 0, 0, 0], count: 4)
        affinity[0][2] = 5; affinity[2][0] = 5; affinity[1][3] = 5; affinity[3][1] = 5
        let result = try GroupFormation.form(fit: fit, affinity: affinity, groupSizes: [2, 2])
        #expect(result.objectiveAfter == 50)
        #expect(result.mentorOfMentee[0] == result.mentorOfMentee[2] && result.mentorOfMentee[1] == result.mentorOfMentee[3])
    }
}
