import Foundation
import LodestarCore

/// A programme's page: what it is for, how it runs, and its cycles.
struct ProgrammeView {
    let title: String
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
            let relationships = try await store.relationships(ofProgramme: programme.id)
            // Counts and minutes only, in one query: never what the pairs wrote.
            let held = try await store.meetings(ofAny: relationships.map(\.id))
            let minutes = held.reduce(0) { $0 + $1.minutes }, meetings = held.count
            hours = String(format: "%.1f", Double(minutes) / 60) + " hours of mentoring in \(meetings) meeting\(meetings == 1 ? "" : "s")"
                + " across \(relationships.count) relationship\(relationships.count == 1 ? "" : "s")"
        }
        return ProgrammeView(
            title: programme.name, name: programme.name, objectives: programme.objectives, format: programme.format.label,
            durationWeeks: programme.durationWeeks, cadence: programme.cadence.rawValue,
            competencies: programme.focusCompetencies.map { names[$0] ?? $0 },
            cycles: try await CycleSummary.all(of: programme.id, store), hours: hours)
    }
}
