import Foundation

/// A programme's page: what it is for, its competencies by name, its cycles with their counts
/// and, for its managers, the mentoring hours held (counts and minutes, never what was written),
/// who manages it and who changed that.
public struct ProgrammePage: Sendable {
    public let programme: Programme
    public let competencies: [String]
    public let cycles: [ProgrammeOverview.CycleCount]
    public let totals: MentoringTotals?
    /// For its managers and admins.
    public let managers: [ProgrammeManager]?
    /// For its managers and admins: the latest appointments and removals.
    public let changes: [AdministrativeChange]?

    /// For its managers and admins: the readiness check's scores.
    public let readiness: ReadinessReport?

    /// The success stories featured; for its managers and admins, the approved ones to feature.
    public let stories: [StoryLine]
    public let storiesToFeature: [StoryLine]?
    /// The kudos their recipients allowed on the page, newest first.
    public let kudos: [KudosLine]

    /// How many of the latest changes the page shows.
    public static let changesShown = 20

    /// Reads the page for someone with a role in the programme.
    public static func read(_ id: Programme.ID, for principal: Principal,
                            _ store: any ProgrammeReading & CompetencyRepository & WorkspaceRepository & AccountRepository & AdministrativeRecord & ReadinessRepository
                                & KudosRepository & PeopleRepository) async throws -> ProgrammePage {
        guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
        try principal.requireSight(of: programme)
        let names = Dictionary(try await store.competencies().map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        let manages = principal.manages(id)
        let stories = try await SuccessStories.stories(in: id, managed: manages, store)
        return ProgrammePage(programme: programme, competencies: programme.focusCompetencies.map { names[$0] ?? $0 },
                             cycles: try await ProgrammeOverview.cycles(of: [programme], store).first?.cycles ?? [],
                             totals: manages ? try await store.mentoringTotals(ofProgramme: id) : nil,
                             managers: manages ? try await store.managers(of: id) : nil,
                             changes: manages ? try await store.changes(programme: id, kinds: ManagerAppointments.recorded,
                                                                        page: try PageRequest(limit: changesShown)).items : nil,
                             readiness: manages ? try await ReadinessReview.report(of: id, store) : nil,
                             stories: stories.featured, storiesToFeature: stories.ready, kudos: try await KudosBoard.shown(in: id, store))
    }
}
