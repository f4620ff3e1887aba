import Foundation
import LodestarCore
import Testing

@Suite("Speed-mentoring seating")
struct SpeedEventTests {
    static func ids(_ count: Int) -> [Enrolment.ID] { (0..<count).map { _ in Enrolment.ID() } }

    @Test("every round seats each mentor at most once and each mentee at most once; no pair meets twice; excluded pairs never sit",
          arguments: [(4, 4, 4), (5, 9, 9), (8, 3, 8), (6, 6, 3), (1, 7, 7)])
    func seating(mentorCount: Int, menteeCount: Int, rounds: Int) {
        let mentors = Self.ids(mentorCount), mentees = Self.ids(menteeCount)
        let excluded: Set<[Enrolment.ID]> = [[mentors[0], mentees[0]]]
        let seats = SpeedEvent.seat(mentors: mentors, mentees: mentees, rounds: rounds, excluded: excluded)
        for round in 1...rounds {
            let inRound = seats.filter { $0.round == round }
            #expect(Set(inRound.map(\.mentor)).count == inRound.count && Set(inRound.map(\.mentee)).count == inRound.count)
            #expect(inRound.allSatisfy { mentors[$0.table - 1] == $0.mentor }, "a mentor keeps their table")
        }
        let pairs = seats.map { [$0.mentor, $0.mentee] }
        #expect(Set(pairs).count == pairs.count, "no pair meets twice")
        #expect(!pairs.contains([mentors[0], mentees[0]]))
        // Each round fills min(mentors, mentees) tables; the excluded pair would have met in round 1.
        #expect(seats.count == rounds * min(mentorCount, menteeCount) - 1)
    }

    @Test("rounds beyond the ring are not seated (they would repeat a pair)")
    func tooManyRounds() {
        let seats = SpeedEvent.seat(mentors: Self.ids(3), mentees: Self.ids(3), rounds: 10, excluded: [])
        #expect(Set(seats.map(\.round)) == [1, 2, 3] && seats.count == 9)
    }
}
