@testable import MatchingSolvers
import Testing

@Suite("Speed-mentoring rounds")
struct SpeedRoundsTests {
    @Test("no pair meets twice, tables hold their size, sit-outs rotate fairly, on 500 random events")
    func properties() throws {
        for seed in UInt64(1)...500 {
            var random = SplitMix(seed: seed)
            let mentees = Int.random(in: 1...12, using: &random), mentors = Int.random(in: 1...5, using: &random)
            let tableSize = Int.random(in: 1...2, using: &random), rounds = Int.random(in: 1...6, using: &random)
            let scores = (0..<mentees).map { _ in (0..<mentors).map { _ in Double.random(in: 0..<1, using: &random) < 0.1 ? nil : Int32.random(in: 0...100, using: &random) } }
            let schedule = try SpeedRounds.schedule(scores: scores, mentors: mentors, rounds: rounds, tableSize: tableSize)
            #expect(schedule.count == rounds)
            var met = Set<[Int]>()
            var sitOuts = [Int](repeating: 0, count: mentees)
            for round in schedule {
                #expect(round.optimal, "seed \(seed)")
                var tables = [Int](repeating: 0, count: mentors)
                for (mentee, mentor) in round.mentorOfMentee.enumerated() {
                    guard let mentor else { continue }
                    #expect(scores[mentee][mentor] != nil, "seed \(seed): a forbidden pair met")
                    #expect(met.insert([mentee, mentor]).inserted, "seed \(seed): a pair met twice")
                    tables[mentor] += 1
                }
                #expect(tables.allSatisfy { $0 <= tableSize }, "seed \(seed)")
                #expect(round.sittingOut.allSatisfy { round.mentorOfMentee[$0] == nil })
                for mentee in round.sittingOut { sitOuts[mentee] += 1 }
                // Fair: sit-out counts never differ by more than one.
                #expect((sitOuts.max() ?? 0) - (sitOuts.min() ?? 0) <= 1, "seed \(seed): unfair sit-outs \(sitOuts)")
            }
        }
    }

    @Test("each mentee meets the best new mentor the round allows")
    func bestNewMentor() throws {
        // One mentee, three mentors scored 30 > 20 > 10: rounds go 30, 20, 10, then nobody new.
        let schedule = try SpeedRounds.schedule(scores: [[10, 30, 20]], mentors: 3, rounds: 4, tableSize: 1)
        #expect(schedule.map { $0.mentorOfMentee[0] } == [1, 2, 0, nil])
    }
}
