import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("The demo's completed pilot cycle")
struct DemoHistoryStoreTests {
    @Test("serve --demo's pilot cycle gives every feedback and recognition page data: a poor fit, survey results, growth, milestones, certificates, kudos and a featured story",
          arguments: TestDatabase.allCases)
    func pilot(database: TestDatabase) async throws {
        try await database.withStore { store in
            let demo = try #require(try await DemoSeeder(store: store).seedIfEmpty(history: true))
            let now = Date()
            let signIns = try await DemoAccounts(store: store, credentials: TestAccounts.credentials).ensure(now: now)
            #expect(signIns.contains { $0.role == "mentee in '2027 cohort'" }, "the sign-ins are the current cycle's")
            let authentication = Authentication(store: store, credentials: TestAccounts.credentials)
            func principal(_ prefix: String) async throws -> Principal {
                let signIn = try #require(signIns.first { $0.role.hasPrefix(prefix) })
                let account = try #require(try await store.account(email: signIn.email))
                return try await authentication.principal(for: account)
            }
            let manager = try await principal("programme manager"), mentee = try await principal("mentee"), mentor = try await principal("mentor")
            let cycles = try await store.cycles(of: demo.programme.id)
            let pilot = try #require(cycles.first { $0.name == "2026 pilot" })
            #expect(cycles.count == 2 && pilot.state == .closed)

            let page = try await CyclePage.read(pilot.id, enrolled: try PageRequest(limit: 5), relationships: try PageRequest(limit: 20), for: manager, now: now, store)
            #expect(page.relationships.total == 12 && page.poorFits == 1)
            #expect(page.relationships.items.contains { $0.seen.relationship.endReason?.hasPrefix("Not a fit") == true })
            // Read as it stood at its end: most pairs on track, the one that met rarely at risk — not every pair for the months since.
            let health = page.relationships.items.map(\.seen.health)
            #expect(health.filter { $0 == .onTrack }.count >= 6 && health.contains(.atRisk))

            let surveys = Surveys(store: store, principal: manager)
            let survey = try #require(try await store.surveys(in: [pilot.id]).first)
            let results = try await surveys.results(survey.id, now: now)
            #expect(results.state == .closed && results.responded >= 5 && !results.breakdowns.isEmpty)

            let myPilot = try #require(mentee.enrolments.first { $0.enrolment.cycleID == pilot.id }).enrolment
            let growth = try await Assessments(store: store, principal: mentee).page(myPilot.id)
            #expect(growth.mine.count == 2, "the mentee reads their growth, start and end")
            let recognition = try await Recognition(store: store, principal: mentee).of(try #require(mentee.person).id)
            #expect(Set(recognition.milestones.map(\.milestone.kind)).isSuperset(of: [.agreementSigned, .firstMeeting, .cycleCompleted]))
            #expect(try await Certificates(store: store, principal: mentee).mine().contains { $0.cycle.id == pilot.id && $0.certificate != nil })
            #expect(try await KudosBoard(store: store, principal: mentor).received().isEmpty == false)
            let programme = try await ProgrammePage.read(demo.programme.id, for: mentee, store)
            #expect(programme.stories.count == 1 && !programme.kudos.isEmpty)
        }
    }
}
