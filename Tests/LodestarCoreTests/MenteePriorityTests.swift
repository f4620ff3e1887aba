import Foundation
@testable import LodestarCore
import Testing

/// The optional matching priority for under-represented mentees: it decides who has the last
/// places by exactly its points, never changes a pair's score, and its effect is the plan made
/// without it — in counts only, and none for a group small enough to point at someone.
@Suite("Matching priority for under-represented mentees")
struct MenteePriorityTests {
    static func woman(_ person: inout Person) { person.demographics.gender = " Woman " }

    @Test("one place, two mentees: the prioritised mentee takes it exactly when the points exceed the difference in scores")
    func decidesTheLastPlace() throws {
        var cohort = Cohort()
        let mentor = cohort.enrol(cohort.person("Mentor", level: 8, department: "Sales"), .mentor, capacity: 1, skills: ["delegation"])
        let ada = cohort.enrol(cohort.person("Ada", level: 5), .mentee)
        let ben = cohort.enrol(cohort.person("Ben", level: 5), .mentee, goals: ["delegation"])
        Self.woman(&cohort.people[1])
        let plain = cohort.request()
        let adaScore = try #require(try MatchPlanner.explain(mentee: ada.id, mentor: mentor.id, in: plain).score?.total)
        let benScore = try #require(try MatchPlanner.explain(mentee: ben.id, mentor: mentor.id, in: plain).score?.total)
        let difference = benScore - adaScore
        #expect(difference > 1 && difference < 29, "Ben's goal fits the mentor's skill: \(benScore) against \(adaScore)")
        #expect(try MatchPlanner.plan(plain).proposals.map(\.mentee) == [ben.id])

        func plan(points: Int) throws -> MatchPlan {
            var request = plain
            request.settings.menteePriority = MenteePriority(dimension: .gender, groups: ["woman"], points: points)
            return try MatchPlanner.plan(request)
        }
        let short = try plan(points: Int(difference.rounded(.down)))
        #expect(short.proposals.map(\.mentee) == [ben.id], "fewer points than the difference change nothing")
        let enough = try plan(points: Int(difference.rounded(.down)) + 1)
        #expect(enough.proposals.map(\.mentee) == [ada.id])
        #expect(enough.proposals.first?.score.total == adaScore, "the pair's score is its own, not raised by the priority")
        #expect(enough.unmatched.map(\.mentee) == [ben.id] && enough.unmatched.first?.reason == .admissibleMentorsFull)
    }

    @Test("on a cohort short of places: as many matched, more of the group, the effect equal to the plan made without the priority")
    func effectOnACohort() throws {
        var generated = DemoOrganisation.cohort(mentees: 80, mentors: 20)
        let menteeIDs = generated.enrolments.filter { $0.role == .mentee }.map(\.personID)
        let women = Set(menteeIDs.enumerated().filter { $0.offset % 4 == 0 }.map(\.element))
        for index in generated.people.indices {
            generated.people[index].demographics.gender = women.contains(generated.people[index].id) ? "woman" : "man"
        }
        var request = MatchRequest(cycle: generated.cycle, format: .oneToOne, enrolments: generated.enrolments, people: generated.people,
                                   now: Date(timeIntervalSince1970: 1_800_000_000))
        let without = try MatchPlanner.plan(request)
        #expect(without.statistics.coverage < 1, "the demo's mentors have fewer places than mentees")
        request.settings.menteePriority = MenteePriority(dimension: .gender, groups: ["Woman"], points: 30)
        let with = try MatchPlanner.plan(request)
        let prioritised = MatchPlanner.prioritised(in: request)
        #expect(prioritised.count == women.count)
        func matchedWomen(_ plan: MatchPlan) -> Int { plan.proposals.filter { prioritised.contains($0.mentee) }.count }
        #expect(with.statistics.matched == without.statistics.matched, "a priority changes who is matched, never how many")
        #expect(matchedWomen(with) > matchedWomen(without))
        #expect(with.certificate.optimal)

        let effect = try #require(try RuleCosts.of(request, plan: with).priority)
        let figures = try #require(effect.figures)
        #expect(figures.prioritised == women.count && figures.matchedWith == matchedWomen(with) && figures.matchedWithout == matchedWomen(without))
        #expect(figures.coverageWithout == without.statistics.coverage && figures.meanScoreWithout == without.statistics.meanScore)
        #expect(effect.summary.hasPrefix("Priority: mentees whose gender is “Woman” count 30 points more when places are short. \(figures.matchedWith) of the \(women.count) prioritised mentees are matched with it, \(figures.matchedWithout) would be without it"))

        // Four prioritised mentees could be pointed at: the effect is named, its counts are not.
        let few = Set(women.prefix(4))
        for index in generated.people.indices where women.contains(generated.people[index].id) && !few.contains(generated.people[index].id) {
            generated.people[index].demographics.gender = "man"
        }
        request.people = generated.people
        let small = try #require(try RuleCosts.of(request).priority)
        #expect(small.figures == nil)
        #expect(small.summary.hasSuffix("Its effect is not shown: the prioritised mentees or the others are fewer than 5."))
    }

    @Test("peer and speed programmes, and programmes whose mentees choose, plan without the priority and report no effect")
    func notForEveryProgramme() throws {
        var settings = MatchingSettings.defaults(for: .oneToOne)
        settings.menteePriority = MenteePriority(dimension: .gender, groups: ["woman"], points: 10)
        #expect(settings.priority(for: .oneToOne) == settings.menteePriority && settings.priority(for: .group) == settings.menteePriority)
        #expect(settings.priority(for: .peer) == nil && settings.priority(for: .speed) == nil)
        settings.menteeChoice = .init()
        #expect(settings.priority(for: .oneToOne) == nil)
        var cohort = Cohort()
        for index in 0..<4 { cohort.enrol(cohort.person("Peer \(index)", level: 5), .mentee) }
        Self.woman(&cohort.people[0])
        var request = cohort.request(.peer)
        request.settings.menteePriority = MenteePriority(dimension: .gender, groups: ["woman"], points: 10)
        #expect(try PriorityEffect.of(request, plan: try MatchPlanner.plan(request)) == nil && MatchPlanner.prioritised(in: request).isEmpty)
    }

    @Test("a priority out of range is refused by field before any plan")
    func refused() throws {
        func issues(_ priority: MenteePriority) -> [String] {
            var settings = MatchingSettings.defaults(for: .oneToOne)
            settings.menteePriority = priority
            return settings.issues.map { "\($0.field): \($0.message)" }
        }
        #expect(issues(MenteePriority(dimension: .gender, groups: ["woman"], points: 0)) == ["matching.menteePriority.points: 0 is not from 1 to 30 points"])
        #expect(issues(MenteePriority(dimension: .gender, groups: ["woman"], points: 31)).count == 1)
        #expect(issues(MenteePriority(dimension: .ethnicity, groups: [], points: 5)).first?.hasPrefix("matching.menteePriority.groups: name 1 to 10 groups") == true)
        #expect(issues(MenteePriority(dimension: .ethnicity, groups: ["  "], points: 5)).count == 1)
        #expect(issues(MenteePriority(dimension: .disability, groups: ["Not given"], points: 5)).first?.contains("“not given” is no group") == true)
        #expect(issues(MenteePriority(dimension: .ageBand, groups: [String(repeating: "x", count: 61)], points: 5)).first?.contains("longer than 60") == true)
        #expect(issues(MenteePriority(dimension: .ageBand, groups: ["under 25", "over 55"], points: 5)).isEmpty)
        var cohort = Cohort()
        cohort.enrol(cohort.person("Mentor", level: 8), .mentor)
        cohort.enrol(cohort.person("Mentee", level: 5), .mentee)
        var request = cohort.request()
        request.settings.menteePriority = MenteePriority(dimension: .gender, groups: ["woman"], points: 1_000_000)
        #expect(throws: ValidationError.self) { try MatchPlanner.plan(request) }
    }
}
