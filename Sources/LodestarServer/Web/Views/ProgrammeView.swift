import Foundation
import LodestarCore

/// A programme's page: what it is for, how it runs, and its cycles.
struct ProgrammeView {
    let title: String
    let crumbs = [Crumb("Programmes", SiteURL.home.path)]
    let name: String
    let objectives: String
    let format: String
    let durationWeeks: Int
    let cadence: String
    let competencies: [String]
    let cycles: [CycleSummary]
    /// For its managers: the mentoring hours held in all the programme's relationships.
    let hours: String?

    static func load(_ programme: Programme, for principal: Principal, _ store: any LodestarRepositories) async throws -> ProgrammeView {
        let names = Dictionary(uniqueKeysWithValues: try await store.competencies().map { ($0.slug, $0.name) })
        var hours: String?
        if principal.manages(programme.id) {
            // Counts and minutes only, counted by the database: never what the pairs wrote.
            let totals = try await store.mentoringTotals(ofProgramme: programme.id)
            hours = String(format: "%.1f", Double(totals.minutes) / 60) + " hours of mentoring in \(totals.meetings) meeting\(totals.meetings == 1 ? "" : "s")"
                + " across \(totals.relationships) relationship\(totals.relationships == 1 ? "" : "s")"
        }
        return ProgrammeView(
            title: programme.name, name: programme.name, objectives: programme.objectives, format: programme.format.label,
            durationWeeks: programme.durationWeeks, cadence: programme.cadence.rawValue,
            competencies: programme.focusCompetencies.map { names[$0] ?? $0 },
            cycles: try await CycleSummary.all(of: programme, store), hours: hours)
    }
}
