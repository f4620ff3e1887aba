import Foundation
import HummingbirdTesting
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The plan page's size grows with the rows it shows, not with mentees × mentors.
@Suite("The plan page at scale")
struct PlanAtScaleTests {
    /// A cycle in matching with 2,000 mentees and 500 mentors (the most senior people mentor).
    static func largeCohort(in store: FluentStore, demo: DemoOrganisation) async throws {
        let bySeniority = demo.people.sorted { ($0.level, $0.id.description) > ($1.level, $1.id.description) }
        let mentorProfile = try #require(demo.enrolments.first { $0.role == .mentor }).profile
        let menteeProfile = try #require(demo.enrolments.first { $0.role == .mentee }).profile
        var cycle = demo.cycle
        cycle.state = .matching
        try await store.apply(PeopleImportPlan(inserting: demo.people))
        try await store.save(demo.programme)
        try await store.save(cycle)
        try await store.save(all: bySeniority.prefix(500).map { Enrolment(cycleID: cycle.id, personID: $0.id, role: .mentor, profile: mentorProfile) }
            + bySeniority.suffix(2000).map { Enrolment(cycleID: cycle.id, personID: $0.id, role: .mentee, profile: menteeProfile) })
    }

    @Test("2,000 mentees × 500 mentors: the plan shows 50 pairs with no list of mentors, the figures cover the whole cohort, and one mentee's choice is paged")
    func boundedPlanPage() async throws {
        let demo = DemoOrganisation(seed: 11, size: 2600)
        try await withApp(prepare: { try await Self.largeCohort(in: $0, demo: demo) }) { client in
            let (status, plan) = try await client.page("/cycles/\(demo.cycle.id)/plan")
            #expect(status == .ok)
            let rows = plan.matches(of: /<tr data-mentee="([0-9a-f-]{36})"/).map { String($0.1) }
            #expect(rows.count == 50)
            #expect(plan.components(separatedBy: "<option").count - 1 == 0, "no row lists every mentor")
            #expect(plan.contains(" of 2000)"), "coverage counts every mentee")
            let matched = try #require(plan.firstMatch(of: /\((\d+) of 2000\)/).flatMap { Int($0.1) })
            #expect(matched > 400 && plan.contains("1–50 of \(matched)"))
            #expect(plan.utf8.count < 200_000, "the page's size follows its 50 rows (\(plan.utf8.count) bytes)")
            // The next page, and a search by name.
            #expect(plan.contains("offset=50&amp;limit=50"))
            let name = try #require(plan.firstMatch(of: /<tr data-mentee="[^"]+" data-mentor="[^"]+"><td>([^<]+)<\/td>/).map { String($0.1) })
            // As a browser's search form sends it: spaces as "+".
            let formEncoded = name.split(separator: " ").map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }.joined(separator: "+")
            let (_, found) = try await client.page("/cycles/\(demo.cycle.id)/plan?q=\(formEncoded)")
            let foundRows = found.matches(of: /<tr data-mentee="[^"]+" data-mentor="[^"]+"><td>([^<]+)<\/td><td data-label="Mentor">([^<]+)/)
            #expect(!foundRows.isEmpty && foundRows.allSatisfy { $0.1.contains(name) || $0.2.contains(name) })
            // One mentee's admissible mentors, best first, a page at a time.
            let (choiceStatus, choice) = try await client.page("/cycles/\(demo.cycle.id)/plan/mentees/\(rows[0])")
            let scores = choice.matches(of: /<td class="num" data-label="Score">([0-9.]+)<\/td>/).compactMap { Double($0.1) }
            #expect(choiceStatus == .ok && (1...50).contains(scores.count) && scores == scores.sorted(by: >))
        }
    }
}
