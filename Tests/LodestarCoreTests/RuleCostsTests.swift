import Foundation
@testable import LodestarCore
import Testing

/// The plan's what-if: a rule left out must give the very plan made when the reason for the rule
/// is gone from the data — no conflicts declared, no earlier pairs, everyone trained, nobody's
/// manager known — or the page would tell a manager the wrong price of a rule.
@Suite("What each hard rule costs")
struct RuleCostsTests {
    @Test("leaving a rule out equals re-running the plan without its cause; the mentees reached are those newly matched")
    func equalsPlanWithoutTheCause() throws {
        let generated = DemoOrganisation.cohort(mentees: 80, mentors: 20)
        var random = SeededGenerator(seed: 11)
        let mentees = generated.people.filter { person in generated.enrolments.contains { $0.personID == person.id && $0.role == .mentee } }
        let mentors = generated.people.filter { person in generated.enrolments.contains { $0.personID == person.id && $0.role == .mentor } }
        func somePairs(_ count: Int) -> Set<PersonPair> {
            Set((0..<count).map { _ in PersonPair(mentees[Int.random(in: 0..<mentees.count, using: &random)].id, mentors[Int.random(in: 0..<mentors.count, using: &random)].id) })
        }
        var settings = MatchingSettings.defaults(for: .oneToOne)
        settings.mentorTrainingFirst = true
        var request = MatchRequest(cycle: generated.cycle, format: .oneToOne, settings: settings, enrolments: generated.enrolments, people: generated.people,
                                   conflicts: somePairs(150), previousPairs: somePairs(150), now: Date(timeIntervalSince1970: 1_800_000_000))
        request.untrainedMentors = Set(mentors.prefix(5).map(\.id))
        let costs = try RuleCosts.of(request)
        let tried = Dictionary(uniqueKeysWithValues: costs.rules.map { ($0.rule, $0) })
        #expect(Set(tried.keys).isSuperset(of: [.declaredConflict, .rotation, .mentorTraining, .reportingLine, .seniority]), "\(tried.keys)")
        #expect(tried[.capacity] == nil && tried[.samePerson] == nil)

        var withoutCause: [HardRule: MatchRequest] = [:]
        for rule in [HardRule.declaredConflict, .rotation, .mentorTraining, .reportingLine] {
            var plain = request
            switch rule {
            case .declaredConflict: plain.conflicts = []
            case .rotation: plain.previousPairs = []
            case .mentorTraining: plain.untrainedMentors = []
            default: plain.managers = [:]
            }
            withoutCause[rule] = plain
        }
        let matchedNow = Set(costs.plan.proposals.map(\.mentee))
        for (rule, plain) in withoutCause {
            let line = try #require(tried[rule])
            let expected = try MatchPlanner.plan(plain)
            #expect(line.statistics == expected.statistics, "\(rule)")
            let reached = expected.proposals.filter { !matchedNow.contains($0.mentee) }.map(\.menteeName).sorted()
            #expect(line.reached == reached, "\(rule)")
            #expect(line.excludedPairs == costs.plan.statistics.excludedPairs[rule])
        }
        // The lines run from the rule reaching the most mentees.
        #expect(costs.rules.map(\.reached.count) == costs.rules.map(\.reached.count).sorted(by: >))
        #expect(costs.rules.contains { !$0.reached.isEmpty }, "some rule keeps a mentee unmatched in this cohort")
    }
}
