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

    static func load(_ programme: Programme, _ store: any LodestarRepositories) async throws -> ProgrammeView {
        let names = Dictionary(uniqueKeysWithValues: try await store.competencies().map { ($0.slug, $0.name) })
        return ProgrammeView(
            title: programme.name, name: programme.name, objectives: programme.objectives, format: programme.format.label,
            durationWeeks: programme.durationWeeks, cadence: programme.cadence.rawValue,
            competencies: programme.focusCompetencies.map { names[$0] ?? $0 },
            cycles: try await CycleSummary.all(of: programme.id, store))
    }
}
