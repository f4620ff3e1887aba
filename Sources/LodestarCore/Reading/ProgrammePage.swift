import Foundation

/// A programme's page: what it is for, its competencies by name, its cycles with their counts
/// and, for its managers, the mentoring hours held (counts and minutes, never what was written).
public struct ProgrammePage: Sendable {
    public let programme: Programme
    public let competencies: [String]
    public let cycles: [ProgrammeOverview.CycleCount]
    public let totals: MentoringTotals?

    /// Reads the page for someone with a role in the programme.
    public static func read(_ id: Programme.ID, for principal: Principal, _ store: any ProgrammeReading & CompetencyRepository & WorkspaceRepository) async throws -> ProgrammePage {
        guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
        try principal.requireSight(of: programme)
        let names = Dictionary(try await store.competencies().map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        return ProgrammePage(programme: programme, competencies: programme.focusCompetencies.map { names[$0] ?? $0 },
                             cycles: try await ProgrammeOverview.cycles(of: [programme], store).first?.cycles ?? [],
                             totals: principal.manages(id) ? try await store.mentoringTotals(ofProgramme: id) : nil)
    }
}
