/// The programmes and cycles a principal may see, as the API lists them: every one for an admin,
/// those they manage or take part in otherwise — filtered and paged whole, never cut at a cap.
/// Programmes and cycles are few (tens, hundreds) even in a large organisation, so each list is
/// read in one or two queries and paged in memory.
public enum ProgrammeLists {
    /// The visible programmes, by name.
    public static func programmes(for principal: Principal, page: PageRequest, _ store: any ProgrammeReading) async throws -> Page<Programme> {
        Page(slicing: try await visible(principal, store), page)
    }

    /// The visible cycles with their enrolment counts, oldest first within each programme by name;
    /// only `programme`'s and only those in `state` when given.
    public static func cycles(for principal: Principal, programme: Programme.ID? = nil, state: CycleState? = nil, page: PageRequest,
                              _ store: any ProgrammeReading) async throws -> Page<ProgrammeOverview.CycleCount> {
        let programmes = try await visible(principal, store).filter { programme == nil || $0.id == programme }
        let cycles = try await ProgrammeOverview.cycles(of: programmes, store).flatMap(\.cycles).filter { state == nil || $0.cycle.state == state }
        return Page(slicing: cycles, page)
    }

    private static func visible(_ principal: Principal, _ store: any ProgrammeReading) async throws -> [Programme] {
        let ids: Set<Programme.ID>? = principal.isAdmin ? nil : principal.managedProgrammes.union(principal.enrolments.map(\.programmeID))
        if ids?.isEmpty == true { return [] }
        return try await store.programmes(ids: ids).filter { principal.sees($0.id) }
    }
}
