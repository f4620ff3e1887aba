import Foundation

/// Puts the demo organisation into an empty store, and never touches one that has data.
public struct DemoSeeder: Sendable {
    let store: any LodestarRepositories

    /// Creates the use case over a store.
    public init(store: any LodestarRepositories) { self.store = store }

    /// Seeds the store when it is empty; returns the demo written, or nil if the store had data.
    /// With `history`, the programme also has its completed pilot cycle (`DemoHistory`).
    @discardableResult
    public func seedIfEmpty(seed: UInt64 = 2027, size: Int = 360, history: Bool = false) async throws -> DemoOrganisation? {
        guard try await store.isEmpty() else { return nil }
        let demo = DemoOrganisation(seed: seed, size: size)
        var random = SeededGenerator(seed: seed ^ 0x7472_6169_6e)
        let now = Date()
        let resources = DemoTraining.resources(&random, at: now)
        let modules = DemoTraining.modules(for: demo.programme.id, resources, &random, at: now)
        let templates = DemoSurveys.templates(for: demo.programme.id, &random, at: now)
        let surveys = DemoSurveys.schedule(templates, in: demo.cycle.id, &random, at: now)
        let pilot = history ? DemoHistory(demo, endSurvey: templates.first { $0.moment == .endOfCycle }, &random, now: now) : nil
        let outcomes = pilot.map {
            DemoOutcomes.records(for: demo.people, pilotMentees: Set($0.relationships.flatMap { $0.members.map(\.person) }),
                                 pilotStart: $0.cycle.dates.start ?? now, now: now, &random)
        } ?? []
        // High potentials for succession: the pilot's mentees, and three seniors who never took part.
        let enrolled = Set(demo.enrolments.map(\.personID))
        let highPotentials = pilot.map { pilot in
            Set(pilot.relationships.flatMap { $0.members.map(\.person) })
                .union(demo.people.filter { !enrolled.contains($0.id) && (9...12).contains($0.level) }.prefix(3).map(\.id))
        } ?? []
        try await store.inTransaction { store in
            try await store.apply(PeopleImportPlan(inserting: demo.people))
            try await store.save(demo.programme)
            try await store.save(demo.cycle)
            try await store.save(all: demo.enrolments)
            for resource in resources { try await store.save(resource) }
            for module in modules { try await store.save(module) }
            for template in templates { try await store.save(template) }
            for survey in surveys { try await store.save(survey) }
            if let pilot {
                try await pilot.save(in: store)
                _ = try await store.replace(outcomes, imported: Attribution(by: "HR system (demo)", at: now))
                for person in highPotentials { _ = try await store.flag(person, Attribution(by: "Demo programme manager", at: now)) }
            }
        }
        return demo
    }
}
