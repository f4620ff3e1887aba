import Foundation
@testable import LodestarCore
import MatchingSolvers
import Testing

/// A small organisation to match: a chief, two directors, and people under them.
struct Cohort {
    var people: [Person] = []
    var enrolments: [Enrolment] = []
    let cycle = Cycle.ID()
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @discardableResult
    mutating func person(_ name: String, level: Int, manager: Person? = nil, department: String = "Ops", languages: [String] = ["en"],
                         timeZone: String = "Europe/London", location: String = "London") -> Person {
        let person = Person(externalID: name, name: name, email: "\(name.lowercased())@example.org", title: "", level: level,
                            department: department, managerID: manager?.id, location: location, timeZone: timeZone, languages: languages)
        people.append(person)
        return person
    }

    @discardableResult
    mutating func enrol(_ person: Person, _ role: EnrolmentRole, capacity: Int = 1, skills: [String] = [], goals: [String] = [],
                        mode: MeetingMode = .either, availability: String = "mon 09:00-12:00") -> Enrolment {
        let profile = MentoringProfile(
            skills: skills.map { Skill(competency: $0, proficiency: 5) },
            developmentGoals: goals.enumerated().map { DevelopmentGoal(competency: $1, priority: $0 + 1) },
            meetingMode: mode, availability: try! WeeklyAvailability.parse(availability),
            capacity: role == .mentor ? capacity : nil)
        let enrolment = Enrolment(cycleID: cycle, personID: person.id, role: role, profile: profile)
        enrolments.append(enrolment)
        return enrolment
    }

    func request(_ format: MentoringFormat = .oneToOne, seed: UInt64 = 1, locked: [(mentee: Enrolment.ID, mentor: Enrolment.ID)] = [],
                 conflicts: Set<PersonPair> = [], previous: Set<PersonPair> = [], fairness: Bool = false) -> MatchRequest {
        MatchRequest(cycle: cycle, format: format, enrolments: enrolments, people: people, conflicts: conflicts,
                     previousPairs: previous, locked: locked, fairness: fairness, seed: seed, now: Self.now)
    }
}

@Suite("Matching policy")
struct MatchPlannerTests {
    @Test("a mentor in the mentee's reporting line is excluded, in either direction, and the rule is named")
    func reportingLine() throws {
        var cohort = Cohort()
        let chief = cohort.person("Chief", level: 10)
        let director = cohort.person("Director", level: 9, manager: chief)
        let analyst = cohort.person("Analyst", level: 5, manager: director)
        let mentor = cohort.enrol(chief, .mentor)
        let mentee = cohort.enrol(analyst, .mentee)
        let explanation = try MatchPlanner.explain(mentee: mentee.id, mentor: mentor.id, in: cohort.request())
        #expect(explanation.brokenRules == [.reportingLine])
        #expect(explanation.score == nil)
        let plan = try MatchPlanner.plan(cohort.request())
        #expect(plan.proposals.isEmpty)
        #expect(plan.unmatched.first?.reason == .noAdmissibleMentor)
        #expect(plan.unmatched.first?.excludedBy == [.reportingLine: 1])
        #expect(plan.unmatched.first?.explanation == "no mentor passes the hard rules: reporting-line (1)")
        // The other way round: a junior mentor whose manager chain includes the senior mentee (reverse format).
        var reverse = Cohort()
        let boss = reverse.person("Boss", level: 12)
        let junior = reverse.person("Junior", level: 4, manager: boss)
        let juniorMentor = reverse.enrol(junior, .mentor)
        let bossMentee = reverse.enrol(boss, .mentee)
        #expect(try MatchPlanner.explain(mentee: bossMentee.id, mentor: juniorMentor.id, in: reverse.request(.reverse)).brokenRules == [.reportingLine])
    }

    @Test("each format's seniority rule, shared language, distance, declared conflicts and rotation exclude pairs by name")
    func hardRules() throws {
        var cohort = Cohort()
        let senior = cohort.person("Senior", level: 10, department: "Sales")
        let peer = cohort.person("Peer", level: 6, department: "Legal")
        let junior = cohort.person("Junior", level: 5, department: "Finance")
        let french = cohort.person("French", level: 10, department: "Sales", languages: ["fr"])
        let seniorMentor = cohort.enrol(senior, .mentor, availability: "mon 09:00-10:00")
        let peerMentor = cohort.enrol(peer, .mentor)
        let frenchMentor = cohort.enrol(french, .mentor)
        let mentee = cohort.enrol(junior, .mentee, availability: "mon 09:00-10:00")
        func rules(_ mentor: Enrolment, _ request: MatchRequest) throws -> [HardRule] {
            try MatchPlanner.explain(mentee: mentee.id, mentor: mentor.id, in: request).brokenRules
        }
        #expect(try rules(seniorMentor, cohort.request()) == [])
        #expect(try rules(peerMentor, cohort.request()) == [], "a gap of 1 meets the default minimum")
        #expect(try rules(seniorMentor, cohort.request(.peer)) == [.seniority])
        #expect(try rules(peerMentor, cohort.request(.peer)) == [])
        #expect(try rules(seniorMentor, cohort.request(.reverse)) == [.seniority])
        #expect(try rules(frenchMentor, cohort.request()) == [.sharedLanguage])
        #expect(try rules(seniorMentor, cohort.request(conflicts: [PersonPair(senior.id, junior.id)])) == [.declaredConflict])
        #expect(try rules(seniorMentor, cohort.request(previous: [PersonPair(junior.id, senior.id)])) == [.rotation])
        #expect(try rules(seniorMentor, cohort.request(.distance)) == [], "one overlapping hour meets the 60-minute minimum")
        #expect(try rules(peerMentor, cohort.request(.distance)) == [], "mon 09:00-12:00 overlaps mon 09:00-10:00")
        var far = cohort
        far.enrolments[3].profile.availability = try WeeklyAvailability.parse("tue 09:00-10:00")
        #expect(try rules(seniorMentor, far.request(.distance)) == [.distance])
    }

    @Test("availability overlaps across time zones")
    func timeZones() throws {
        var cohort = Cohort()
        // 09:00 in New York is 14:00 in London (both on standard or both on summer time in 2027-01).
        let london = cohort.person("London", level: 10, timeZone: "Europe/London")
        let newYork = cohort.person("NewYork", level: 5, timeZone: "America/New_York", location: "New York")
        let mentor = cohort.enrol(london, .mentor, availability: "mon 14:00-15:00")
        let mentee = cohort.enrol(newYork, .mentee, availability: "mon 09:00-10:00")
        let winter = MatchRequest(cycle: cohort.cycle, format: .distance, enrolments: cohort.enrolments, people: cohort.people,
                                  now: Date(timeIntervalSince1970: 1_800_000_000 - 180 * 86_400))
        let explanation = try MatchPlanner.explain(mentee: mentee.id, mentor: mentor.id, in: winter)
        #expect(explanation.brokenRules.isEmpty)
        #expect(explanation.score?.breakdown[.availabilityOverlap] == 0.5, "one hour of overlap is half of the two hours that score full")
    }

    @Test("the plan is optimal, proven, within capacity, and the same for the same seed")
    func optimalAndDeterministic() throws {
        var cohort = Cohort()
        let skills = ["delegation", "communication", "strategic-thinking"]
        for index in 0..<4 {
            cohort.enrol(cohort.person("Mentor\(index)", level: 10, department: "D\(index)"), .mentor, capacity: 2, skills: [skills[index % 3]])
        }
        for index in 0..<9 {
            cohort.enrol(cohort.person("Mentee\(index)", level: 5, department: "D\(index % 4)"), .mentee, goals: [skills[index % 3]])
        }
        let plan = try MatchPlanner.plan(cohort.request(seed: 7))
        #expect(plan.certificate.optimal && plan.certificate.gap == 0)
        #expect(plan.statistics.matched == 8)
        #expect(plan.unmatched.map(\.reason) == [.admissibleMentorsFull])
        let loads = Dictionary(grouping: plan.proposals, by: \.mentor).mapValues(\.count)
        #expect(loads.values.allSatisfy { $0 <= 2 })
        #expect(try MatchPlanner.plan(cohort.request(seed: 7)) == plan)
        // Delegation is offered for 4 places, communication and strategy for 2 each; three mentees want
        // each: at most 3 + 2 + 2 pairs can fit on goals, and the optimal plan finds them all.
        let fits = plan.proposals.filter { $0.score.breakdown[.goalSkillFit] == 1 }.count
        #expect(fits == 7)
    }

    @Test("locked pairs stay and the rest is optimised around them; a locked pair that breaks a rule is refused by name")
    func lockedPairs() throws {
        var cohort = Cohort()
        let good = cohort.enrol(cohort.person("Good", level: 10, department: "A"), .mentor, capacity: 1, skills: ["delegation"])
        let other = cohort.enrol(cohort.person("Other", level: 10, department: "B"), .mentor, capacity: 1, skills: ["communication"])
        let first = cohort.enrol(cohort.person("First", level: 5, department: "C"), .mentee, goals: ["communication"])
        let second = cohort.enrol(cohort.person("Second", level: 5, department: "C"), .mentee, goals: ["delegation"])
        let free = try MatchPlanner.plan(cohort.request())
        #expect(Set(free.proposals.map { "\($0.menteeName)→\($0.mentorName)" }) == ["First→Other", "Second→Good"])
        let locked = try MatchPlanner.plan(cohort.request(locked: [(first.id, good.id)]))
        #expect(locked.proposals.first { $0.locked }.map { "\($0.menteeName)→\($0.mentorName)" } == "First→Good")
        #expect(locked.proposals.first { !$0.locked }.map { "\($0.menteeName)→\($0.mentorName)" } == "Second→Other")

        var chain = Cohort()
        let boss = chain.person("Boss", level: 10)
        let bossMentor = chain.enrol(boss, .mentor)
        let report = chain.enrol(chain.person("Report", level: 5, manager: boss), .mentee)
        let error = #expect(throws: MatchingError.self) { try MatchPlanner.plan(chain.request(locked: [(report.id, bossMentor.id)])) }
        #expect(error?.description == "Report and Boss can't be paired: reporting-line (one is in the other's reporting line)")
        _ = (second, other)
    }

    @Test("the fairness option lifts the worst match")
    func fairness() throws {
        var cohort = Cohort()
        let skills = ["delegation", "communication"]
        cohort.enrol(cohort.person("M1", level: 10, department: "A"), .mentor, skills: skills)
        cohort.enrol(cohort.person("M2", level: 10, department: "B"), .mentor, skills: ["delegation"])
        cohort.enrol(cohort.person("E1", level: 5, department: "C"), .mentee, goals: ["delegation"])
        cohort.enrol(cohort.person("E2", level: 5, department: "C"), .mentee, goals: ["communication"])
        let plain = try MatchPlanner.plan(cohort.request())
        let fair = try MatchPlanner.plan(cohort.request(fairness: true))
        #expect(fair.certificate.optimal)
        #expect(fair.statistics.minimumScore >= plain.statistics.minimumScore)
    }

    @Test("the demo cycle matches every mentee it can, proven optimal")
    func demo() throws {
        let demo = DemoOrganisation()
        let plan = try MatchPlanner.plan(MatchRequest(cycle: demo.cycle.id, format: .oneToOne, enrolments: demo.enrolments,
                                                      people: demo.people, now: Cohort.now))
        #expect(plan.certificate.optimal)
        #expect(plan.statistics.coverage > 0.9)
        #expect(plan.proposals.allSatisfy { $0.score.total > 0 })
        #expect(throws: MatchingError.self) {
            try MatchPlanner.plan(MatchRequest(cycle: demo.cycle.id, format: .speed, enrolments: demo.enrolments, people: demo.people, now: Cohort.now))
        }
    }

    @Test("peers pair up from one pool, both directions pass the rules, and the pairing is proven optimal")
    func peers() throws {
        var cohort = Cohort()
        let boss = cohort.person("Boss", level: 6, department: "A")
        let report = cohort.person("Report", level: 6, manager: boss, department: "A")
        let other = cohort.person("Other", level: 6, department: "B")
        let far = cohort.person("Far", level: 5, department: "C")
        let senior = cohort.person("Senior", level: 12, department: "D")
        for person in [boss, report, other, far, senior] { cohort.enrol(person, .mentee, goals: ["delegation"]) }
        cohort.enrol(other, .mentor, skills: ["delegation"])
        let plan = try MatchPlanner.plan(cohort.request(.peer))
        #expect(plan.certificate.optimal && plan.certificate.solver.contains("blossom"))
        let pairs = Set(plan.proposals.map { Set([$0.menteeName, $0.mentorName]) })
        #expect(!pairs.contains(["Boss", "Report"]), "a manager and their report never pair")
        #expect(plan.statistics.matched == 4)
        #expect(plan.unmatched.first { $0.menteeName == "Senior" }?.reason == .noAdmissibleMentor, "nobody is within one level of Senior")
        #expect(plan.unmatched.first?.excludedBy[.seniority] == 4)
    }
}

@Suite("Matching policy: more mentees than places")
struct MentorsAsRowsTests {
    @Test("solving with mentors as rows gives the same optimum as mentees as rows, on 500 random cohorts")
    func sameOptimum() throws {
        for seed in UInt64(1)...500 {
            var random = SeededGenerator(seed: seed)
            let mentees = Int.random(in: 3...9, using: &random), mentors = Int.random(in: 1...3, using: &random)
            let capacities = (0..<mentors).map { _ in Int.random(in: 0...2, using: &random) }
            let values = (0..<(mentees * mentors)).map { _ in Bool.random(using: &random) && Bool.random(using: &random) ? DenseCosts.forbidden : Int32.random(in: 0...10_000, using: &random) }
            let (asRows, mentorOf) = try MatchPlanner.solve(values, mentees: mentees, capacities: capacities, fairness: false)
            let direct = try CapacitatedAssignment.solve(DenseCosts(rows: mentees, columns: mentors, values: values), capacities: capacities)
            #expect(asRows.optimal && direct.optimal, "seed \(seed)")
            #expect(asRows.assignedCount == direct.assignedCount && asRows.totalCost == direct.totalCost, "seed \(seed)")
            #expect(mentorOf.compactMap { $0 }.count == direct.assignedCount)
            for (mentee, mentor) in mentorOf.enumerated() { if let mentor { #expect(values[mentee * mentors + mentor] != DenseCosts.forbidden) } }
        }
    }
}

/// The cost matrix scores a mentee's row criterion by criterion; the plan's explanations score
/// one pair at a time. The two must agree exactly, or a plan would be optimal for other scores
/// than the ones it shows.
@Suite struct RowScoringTests {
    @Test("a mentee's row of totals equals each pair's total to the last bit, in every format", arguments: [MentoringFormat.oneToOne, .reverse, .distance, .peer])
    func rowEqualsPairs(format: MentoringFormat) throws {
        let generated = DemoOrganisation.cohort(mentees: 60, mentors: 25)
        let cohort = LodestarCore.Cohort(enrolments: generated.enrolments, people: generated.people, now: Date(timeIntervalSince1970: 1_800_000_000))
        var settings = MatchingSettings.defaults(for: format)
        settings.weights = MatchWeights(values: Dictionary(uniqueKeysWithValues: MatchCriterion.allCases.enumerated().map { ($1, Double($0 % 4 + 1)) }))
        let judge = try PairJudge(format: format, settings: settings, cohort: cohort, conflicts: [], previousPairs: [])
        let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: cohort.mentors.count)
        defer { row.deallocate() }
        var differing = 0
        for mentee in 0..<cohort.mentees.count {
            judge.totals(mentee, into: row)
            for mentor in 0..<cohort.mentors.count where row[mentor].bitPattern != judge.total(mentee, mentor).bitPattern { differing += 1 }
        }
        #expect(cohort.mentees.count == 60 && cohort.mentors.count == 25 && differing == 0)
    }

    @Test("the cost matrix forbids exactly the pairs a rule excludes, declared conflicts and earlier pairings included, and counts each rule")
    func costsAgreeWithRules() throws {
        let generated = DemoOrganisation.cohort(mentees: 60, mentors: 25)
        let cohort = LodestarCore.Cohort(enrolments: generated.enrolments, people: generated.people, now: Date(timeIntervalSince1970: 1_800_000_000))
        var random = SeededGenerator(seed: 7)
        func somePairs(_ count: Int) -> Set<PersonPair> {
            Set((0..<count).map { _ in
                PersonPair(cohort.mentees.people[Int.random(in: 0..<cohort.mentees.count, using: &random)].id,
                           cohort.mentors.people[Int.random(in: 0..<cohort.mentors.count, using: &random)].id)
            })
        }
        let (conflicts, previous) = (somePairs(40), somePairs(40))
        let judge = try PairJudge(format: .oneToOne, settings: .defaults(for: .oneToOne), cohort: cohort, conflicts: conflicts, previousPairs: previous)
        let rows = Array(0..<cohort.mentees.count)
        let (values, admissible, ruleCounts) = MatchPlanner.costs(rows, columns: cohort.mentors.count, judge: judge)
        var expected = [Int](repeating: 0, count: HardRule.allCases.count), differing = 0, expectedAdmissible = 0
        for mentee in rows {
            for mentor in 0..<cohort.mentors.count {
                let broken = judge.brokenRules(mentee, mentor)
                if broken.isEmpty { expectedAdmissible += 1 }
                for (index, rule) in HardRule.allCases.enumerated() where broken.contains(HardRules(rule)) { expected[index] += 1 }
                if broken.isEmpty != (values[mentee * cohort.mentors.count + mentor] != DenseCosts.forbidden) { differing += 1 }
            }
        }
        #expect(differing == 0 && admissible == expectedAdmissible && ruleCounts == expected)
        let index = { (rule: HardRule) in HardRule.allCases.firstIndex(of: rule) ?? 0 }
        #expect(ruleCounts[index(.declaredConflict)] >= 30 && ruleCounts[index(.rotation)] >= 30, "the random pairs excluded some")
    }
}

@Suite("Group formation")
struct GroupFormationPlanTests {
    @Test("in the group format mentees are grouped around the development goals they share, every hard rule kept")
    func sharedGoals() throws {
        var cohort = Cohort()
        let mentors = (1...2).map { cohort.enrol(cohort.person("Mentor\($0)", level: 8), .mentor, capacity: 2, skills: ["delegation", "communication"]) }
        // Enrolled alternately, so that fit alone (every pair alike) has no reason to group them by goal.
        let mentees = [("A", "delegation"), ("B", "communication"), ("C", "delegation"), ("D", "communication")].map { name, goal in
            cohort.enrol(cohort.person(name, level: 4), .mentee, goals: [goal])
        }
        for seed in [UInt64(1), 2, 3, 7] {
            let plan = try MatchPlanner.plan(cohort.request(.group, seed: seed))
            #expect(plan.statistics.matched == 4 && plan.certificate.solver.hasPrefix("group formation") && plan.certificate.optimal)
            let groups = Dictionary(grouping: plan.proposals, by: \.mentor).mapValues { Set($0.map(\.mentee)) }
            #expect(Set(groups.values) == [Set([mentees[0].id, mentees[2].id]), Set([mentees[1].id, mentees[3].id])], "seed \(seed)")
            #expect(Set(groups.keys) == Set(mentors.map(\.id)))
        }
        // One-to-one keeps the plain assignment.
        #expect(try MatchPlanner.plan(cohort.request(.oneToOne)).certificate.solver == "capacitated assignment")
    }
}
