/// Applications to take part in cycles.
public protocol ApplicationRepository: Sendable {
    func application(_ id: ProgrammeApplication.ID) async throws -> ProgrammeApplication?
    /// Every application to a cycle, in one query.
    func applications(in cycle: Cycle.ID) async throws -> [ProgrammeApplication]
    /// A person's applications to every cycle, newest invitation first.
    func applications(of person: Person.ID) async throws -> [ProgrammeApplication]
    /// One page of a cycle's applications with their people, filtered by state and role, by
    /// state then name, in one query.
    func namedApplications(in cycle: Cycle.ID, state: ApplicationState?, role: EnrolmentRole?, page: PageRequest) async throws -> Page<NamedApplication>
    /// How many applications a cycle has in each state.
    func applicationCounts(in cycle: Cycle.ID) async throws -> [ApplicationState: Int]
    /// Inserts or updates one application.
    func save(_ application: ProgrammeApplication) async throws
}
