import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The plan reads only the cycle's people, and the whole directory's reporting lines on the side.
@Suite("The reporting-line rule through the store")
struct ReportingLineStoreTests {
    @Test("a skip-level manager is ruled out even when the manager between them takes no part", arguments: TestDatabase.allCases)
    func skipLevelManager(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, cycle) = try await Fixtures.smallOrganisationCycle(store, maximumLevelGap: 12)
            // The chief (P-1) manages the head of engineering (P-2, not enrolled), who manages the engineer (P-4).
            func person(_ id: String) async throws -> Person { try #require(try await store.person(externalID: id)) }
            let office = ProgrammeOffice(store: store, principal: .commandLine)
            let profile = MentoringProfile(skills: [Skill(competency: "delegation", proficiency: 5)], capacity: 2)
            let chief = try await office.enrol(try await person("P-1").id, in: cycle.id, as: .mentor, profile: profile)
            let sales = try await office.enrol(try await person("P-3").id, in: cycle.id, as: .mentor, profile: profile)
            let engineer = try await office.enrol(try await person("P-4").id, in: cycle.id, as: .mentee,
                                                  profile: MentoringProfile(developmentGoals: [DevelopmentGoal(competency: "delegation", priority: 1)]))
            let request = try await CycleMatching(store: store).request(for: cycle.id, now: Date())
            let explained = try MatchPlanner.explainAll(mentee: engineer.id, in: request)
            #expect(request.people.count == 3, "only the cycle's people are read in full")
            #expect(request.managers?.count == 5, "everyone's reporting line, the people at the top included")
            #expect(explained.first { $0.mentor == chief.id }?.explanation.brokenRules.contains(.reportingLine) == true)
            #expect(explained.first { $0.mentor == sales.id }?.explanation.brokenRules.contains(.reportingLine) == false)
            let plan = try await CycleMatching(store: store).plan(cycle.id, now: Date())
            #expect(plan.proposals.map(\.mentor) == [sales.id])
        }
    }
}
