import Foundation
import LodestarCore
import Testing

@Suite("Relationship health")
struct RelationshipHealthTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let pair = Relationship(cycleID: Cycle.ID(), mentor: Enrolment.ID(), mentee: Enrolment.ID(), mentorPerson: Person.ID(),
                                   menteePerson: Person.ID(), score: 60, startedAt: start)

    static func days(_ n: Double) -> Date { start.addingTimeInterval(n * 86400) }

    @Test("from the last meeting against the cadence: on track, then needs attention, then at risk; ended is ended",
          arguments: [(MeetingCadence.fortnightly, 21.0, RelationshipHealth.onTrack), (.fortnightly, 22, .needsAttention),
                      (.fortnightly, 42, .needsAttention), (.fortnightly, 43, .atRisk), (.weekly, 11, .needsAttention), (.monthly, 40, .onTrack)])
    func assess(cadence: MeetingCadence, daysSinceLastMeeting: Double, expected: RelationshipHealth) {
        let lastMeeting = Self.days(10)
        #expect(RelationshipHealth.assess(Self.pair, lastMeeting: lastMeeting, cadence: cadence, now: Self.days(10 + daysSinceLastMeeting)) == expected)
    }

    @Test("before the first meeting the clock runs from the start; an ended relationship is never at risk; at risk sorts first")
    func edges() {
        #expect(RelationshipHealth.assess(Self.pair, lastMeeting: nil, cadence: .weekly, now: Self.days(30)) == .atRisk)
        #expect(RelationshipHealth.assess(Self.pair, lastMeeting: nil, cadence: .weekly, now: Self.days(5)) == .onTrack)
        var ended = Self.pair
        ended.endedAt = Self.days(3)
        #expect(RelationshipHealth.assess(ended, lastMeeting: nil, cadence: .weekly, now: Self.days(300)) == .ended)
        #expect([RelationshipHealth.onTrack, .atRisk, .ended, .needsAttention].sorted() == [.atRisk, .needsAttention, .onTrack, .ended])
    }
}
