import Foundation
@testable import LodestarCore
import Testing

@Suite("Peer circles")
struct PeerCirclesTests {
    @Test("each person in one circle at most, every circle of three to five, every two in a circle admissible, on random cohorts",
          arguments: [(40, 2, 3), (61, 3, 4), (97, 5, 5), (150, 7, 4)])
    func circlesHold(people: Int, seed: UInt64, size: Int) throws {
        let cohort = DemoOrganisation.cohort(mentees: people * 2 / 3, mentors: people / 3, seed: seed)
        var settings = MatchingSettings.defaults(for: .peer)
        settings.peerCircleSize = size
        let request = MatchRequest(cycle: cohort.cycle, format: .peer, settings: settings, enrolments: cohort.enrolments, people: cohort.people, now: Cohort.now)
        let plan = try MatchPlanner.plan(request)
        let circles = Dictionary(grouping: plan.proposals, by: \.mentor).map { [$0.key] + $0.value.map(\.mentee) }
        let pool = try PeerPool(request)
        let placed = circles.joined().map { enrolment in pool.index(of: enrolment, in: request)! }
        #expect(Set(placed).count == placed.count, "no one in two circles or twice in one")
        #expect(circles.allSatisfy { (3...5).contains($0.count) }, "\(circles.map(\.count))")
        for circle in circles {
            let members = circle.map { pool.index(of: $0, in: request)! }
            for a in members { for b in members where b > a { #expect(pool.broken(a, b).isEmpty) } }
        }
        #expect(placed.count + plan.unmatched.count == pool.count, "everyone is placed or told why not")
        #expect(Double(placed.count) >= Double(pool.count) * 0.8, "\(placed.count) of \(pool.count) placed")
    }
}
