import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Succession: high potentials and the pipeline")
struct SuccessionStoreTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Eleven people flagged, ten of them mentees of the demo's cycle. Delegation, latest ratings: 5, 5, 5 (their own
    /// later ratings replacing 5, 4, 4), 4 (the line manager's later 4 replacing one's own 2), 4 — ready now 5 — and five
    /// 3s — ready soon 5 (a mentor's 5 for one of them never counts). Decision-making: five 4s and a 1: the one developing
    /// is hidden, and ready now too, or it would give that one away. Communication: three rated, fewer than five: hidden.
    @Test("flags keep who and when, each change recorded; the pipeline counts readiness by competency, small bands hidden; participants are refused",
          arguments: TestDatabase.allCases)
    func pipeline(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let succession = Succession(store: store, principal: manager)
            let enrolled = Set(demo.enrolments.map(\.personID))
            let mentees = Array(demo.enrolments.filter { $0.role == .mentee }.prefix(10)).map(\.personID)
            let outsider = try #require(demo.people.first { !enrolled.contains($0.id) })
            for person in mentees + [outsider.id] { _ = try await succession.flag(person, now: Self.now) }
            let again = try await Succession(store: store, principal: .commandLine).flag(outsider.id, now: Self.now.addingTimeInterval(3600))
            #expect(again.flagged.at == Self.now && again.flagged.by.contains(manager.account.email), "a second flag keeps the first's who and when")

            func rate(_ person: Person.ID, _ ratings: [String: Int], by perspective: AssessmentPerspective = .mentee, day: Double) async throws {
                try await store.save(CompetencyAssessment(cycleID: demo.cycle.id, menteeID: person, raterID: perspective == .mentee ? person : mentor.person?.id ?? person,
                                                          perspective: perspective, moment: day < 50 ? .start : .end, ratings: ratings, note: "",
                                                          givenAt: Self.now.addingTimeInterval(day * 86_400)))
            }
            for (index, (person, delegation)) in zip(mentees, [5, 4, 4, 2, 4, 3, 3, 3, 3, 3]).enumerated() {
                var ratings = ["delegation": delegation]
                if index < 3 { ratings["communication"] = 4 }
                if index < 6 { ratings["decision-making"] = index == 5 ? 1 : 4 }
                try await rate(person, ratings, day: 1)
            }
            try await rate(mentees[3], ["delegation": 4], by: .lineManager, day: 60)
            try await rate(mentees[9], ["delegation": 5], by: .mentor, day: 70)
            for person in mentees.prefix(3) { try await rate(person, ["delegation": 5], day: 80) }

            let pipeline = try await succession.pipeline()
            #expect(pipeline.highPotentials.count == 11 && pipeline.notInProgramme.map(\.person.id) == [outsider.id])
            let delegation = try #require(pipeline.lines.first { $0.competency.slug == "delegation" })
            #expect(delegation.assessed == 10 && delegation.bands == [.readyNow: 5, .readySoon: 5, .developing: 0])
            let decisions = try #require(pipeline.lines.first { $0.competency.slug == "decision-making" })
            #expect(decisions.assessed == 6 && decisions.bands == [.readyNow: Int?.none, .readySoon: 0, .developing: Int?.none])
            let communication = try #require(pipeline.lines.first { $0.competency.slug == "communication" })
            #expect(communication.assessed == 3 && communication.bands.values.allSatisfy { $0 == nil })
            #expect(Set(pipeline.lines.map(\.competency.slug)) == ["strategic-thinking", "decision-making", "communication", "delegation"], "the programmes' focus")
            let changes = try await store.changes(programme: nil, kinds: [.highPotentialFlagged, .highPotentialUnflagged], page: try PageRequest(limit: 50))
            #expect(changes.total == 11, "the second flag changed nothing and was not recorded")

            let removed = try await succession.unflag(outsider.id, now: Self.now), removedAgain = try await succession.unflag(outsider.id, now: Self.now)
            #expect(removed && !removedAgain)
            #expect(try await store.changes(programme: nil, kinds: [.highPotentialUnflagged], page: try PageRequest(limit: 5)).items.first?.subject.contains(outsider.externalID) == true)
            for participant in [mentor, mentee] {
                await #expect(throws: AccessDenied.self) { try await Succession(store: store, principal: participant).pipeline() }
                await #expect(throws: AccessDenied.self) { try await Succession(store: store, principal: participant).flag(outsider.id, now: Self.now) }
            }
            await #expect(throws: NotFound.self) { try await succession.flag(Person.ID(), now: Self.now) }
        }
    }
}
