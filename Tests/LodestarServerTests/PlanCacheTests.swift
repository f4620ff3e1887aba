import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// A plan is made once and reused from page to page — but never after what it was made from
/// changed, whichever app server made it or took the change.
@Suite struct PlanCacheTests {
    /// Each matched mentee enrolment's mentor enrolment, as the plan page shows them.
    static func pairs(_ page: String) -> [String: String] {
        Dictionary(page.matches(of: /<tr data-mentee="([0-9a-f-]{36})" data-mentor="([0-9a-f-]{36})">/).map { (String($0.1), String($0.2)) },
                   uniquingKeysWith: { first, _ in first })
    }

    @Test("a conflict declared after the plan was shown changes the plan on every app server", arguments: TestDatabase.allCases)
    func changeReachesEveryServer(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApps(database == .postgresql ? 2 : 1, database, demo: true, prepare: { store in
            try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers)
            var cycle = try #require(try await store.cycle(demo.cycle.id))
            cycle.state = .matching
            try await store.save(cycle)
        }) { clients, store in
            let manager = try #require(callers.value[.manager])
            let path = "/cycles/\(demo.cycle.id)/plan?seed=1&limit=500"
            var shown: [[String: String]] = []
            for client in clients { shown.append(Self.pairs(try await client.page(path, as: manager).1)) }
            #expect(shown[0].count > 10 && shown.allSatisfy { $0 == shown[0] }, "every server shows the same plan")
            // Asked again with nothing changed: the same plan.
            #expect(Self.pairs(try await clients[0].page(path, as: manager).1) == shown[0])
            let (mentee, mentor) = try #require(shown[0].sorted { $0.key < $1.key }.first)
            let enrolments = Dictionary(uniqueKeysWithValues: try await store.allEnrolments(in: demo.cycle.id).map { ($0.id.description, $0.personID) })
            try await store.save(ConflictOfInterest(between: try #require(enrolments[mentee]), and: try #require(enrolments[mentor]), reason: "family"))
            for client in clients {
                let after = Self.pairs(try await client.page(path, as: manager).1)
                #expect(after.count > 10 && after[mentee] != mentor, "the conflicted pair is no longer proposed")
            }
        }
    }

    @Test("every write to what plans are made from moves the planning revision on; reads and other writes leave it", arguments: TestDatabase.allCases)
    func revisionMoves(database: TestDatabase) async throws {
        try await database.withStore { store in
            let demo = try #require(try await DemoSeeder(store: store).seedIfEmpty())
            var revision = try await store.planningRevision()
            func moved(_ what: String, _ expected: Bool = true, _ write: () async throws -> Void) async throws {
                try await write()
                let now = try await store.planningRevision()
                #expect((now > revision) == expected, "\(what): \(revision) → \(now)")
                revision = now
            }
            var person = try #require(demo.people.first)
            person.level += 1
            try await moved("a person saved") { try await store.save(person) }
            var enrolment = try #require(try await store.allEnrolments(in: demo.cycle.id).first)
            enrolment.profile.capacity = 3
            try await moved("an enrolment's profile") { try await store.save(enrolment) }
            try await moved("a conflict declared") { try await store.save(ConflictOfInterest(between: demo.people[0].id, and: demo.people[1].id, reason: "r")) }
            var programme = demo.programme
            programme.objectives = "Changed"
            try await moved("a programme saved") { try await store.save(programme) }
            try await moved("reading", false) { _ = try await store.allPeople() }
            try await moved("a competency saved", false) { try await store.save(Competency(slug: "listening", name: "Listening", summary: "Hears what is meant.")) }
        }
    }
}
