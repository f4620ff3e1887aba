import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Publishing a matching")
struct MatchingPublicationStoreTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// The demo with its cycle moved to matching, and its manager.
    static func demoInMatching(_ store: FluentStore) async throws -> (DemoOrganisation, Principal, Principal) {
        let (manager, mentor, _, demo) = try await UseCaseAccessStoreTests.demo(store)
        _ = try await ProgrammeOffice(store: store, principal: manager).move(demo.cycle.id, to: .matching)
        return (demo, manager, mentor)
    }

    @Test("publishing makes one relationship per proposed pair, activates the cycle and tells everyone, once", arguments: TestDatabase.allCases)
    func publish(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (demo, manager, mentor) = try await Self.demoInMatching(store)
            let plan = try await CycleMatching(store: store).plan(demo.cycle.id, seed: 7, now: Self.start)
            await #expect(throws: AccessDenied.self) { try await MatchingPublication(store: store, principal: mentor).publish(demo.cycle.id, seed: 7, now: Self.start) }
            let publication = MatchingPublication(store: store, principal: manager)
            let outcome = try await publication.publish(demo.cycle.id, seed: 7, now: Self.start)
            #expect(outcome.created && outcome.relationships.count == plan.proposals.count && plan.proposals.count > 40)
            #expect(Set(outcome.relationships.map(\.mentee)) == Set(plan.proposals.map(\.mentee)), "the published pairs are the plan the manager saw")
            #expect(outcome.notices == 2 * plan.proposals.count + plan.unmatched.count)
            #expect(try await store.cycle(demo.cycle.id)?.state == .active)
            let notices = try await store.notices(page: .everything)
            #expect(notices.total == outcome.notices && notices.items.contains { $0.subject.hasPrefix("Your mentor in Rising Leaders") })
            let again = try await publication.publish(demo.cycle.id, seed: 99, now: Self.start.addingTimeInterval(60))
            #expect(!again.created && again.relationships.count == outcome.relationships.count)
            #expect(try await store.relationships(in: demo.cycle.id).count == outcome.relationships.count)
            #expect(try await store.notices(page: .everything).total == notices.total, "publishing twice sends nothing twice")
            let someone = try #require(outcome.relationships.first)
            #expect(try await store.relationships(of: someone.menteePerson).map(\.id) == [someone.id])
        }
    }

    @Test("two publications racing for one cycle make its relationships once", arguments: TestDatabase.allCases)
    func race(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (demo, manager, _) = try await Self.demoInMatching(store)
            let publication = MatchingPublication(store: store, principal: manager)
            async let first = publication.publish(demo.cycle.id, now: Self.start)
            async let second = publication.publish(demo.cycle.id, now: Self.start)
            let outcomes = try await [first, second]
            #expect(outcomes.filter(\.created).count == 1)
            #expect(try await store.relationships(in: demo.cycle.id).count == outcomes[0].relationships.count)
        }
    }

    @Test("a cycle becomes active only by publishing; with rotation the next cycle repeats no earlier pair", arguments: TestDatabase.allCases)
    func rotation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (demo, manager, _) = try await Self.demoInMatching(store)
            let office = ProgrammeOffice(store: store, principal: manager)
            await #expect(throws: ValidationError.self) { try await office.move(demo.cycle.id, to: .active) }
            let first = try await MatchingPublication(store: store, principal: manager).publish(demo.cycle.id, now: Self.start)
            let next = try await office.startCycle(of: demo.programme.id, name: "2028 cohort")
            try await Fixtures.answerReadiness(of: demo.programme.id, store)
            _ = try await office.move(next.id, to: .enrolling)
            for enrolment in demo.enrolments {
                _ = try await office.enrol(enrolment.personID, in: next.id, as: enrolment.role, profile: enrolment.profile)
            }
            _ = try await office.move(next.id, to: .matching)
            let request = try await CycleMatching(store: store).request(for: next.id, now: Self.start)
            #expect(request.previousPairs == Set(first.relationships.flatMap(\.pairs)))
            let plan = try MatchPlanner.plan(request)
            let enrolments = Dictionary(uniqueKeysWithValues: try await store.allEnrolments(in: next.id).map { ($0.id, $0.personID) })
            let pairs = Set(plan.proposals.map { PersonPair(enrolments[$0.mentor]!, enrolments[$0.mentee]!) })
            #expect(pairs.isDisjoint(with: request.previousPairs) && plan.proposals.count > 30)
            #expect(plan.statistics.excludedPairs[.rotation] == first.relationships.count)
        }
    }
}
