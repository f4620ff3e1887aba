/// The library of resources, the training modules programmes assign, and who completed them.
public protocol TrainingRepository: Sendable {
    /// One page of the library: resources whose title or summary contains `text`, tagged with
    /// `competency` and written for `audience` (nil: any), by title, in one query.
    func resources(matching text: String?, competency: String?, audience: ResourceAudience?, page: PageRequest) async throws -> Page<Resource>
    func resource(_ id: Resource.ID) async throws -> Resource?
    func save(_ resource: Resource) async throws
    /// The modules of these programmes, by programme, role and title.
    func trainingModules(of programmes: Set<Programme.ID>) async throws -> [TrainingModule]
    func trainingModule(_ id: TrainingModule.ID) async throws -> TrainingModule?
    func save(_ module: TrainingModule) async throws
    /// The modules each of these people completed.
    func completions(of people: Set<Person.ID>) async throws -> [TrainingCompletion]
    /// How many people completed each module of a programme.
    func completionCounts(of programme: Programme.ID) async throws -> [TrainingModule.ID: Int]
    /// Records a completion; a second one of the same module by the same person keeps the first.
    func save(_ completion: TrainingCompletion) async throws
    /// The people enrolled in a cycle as `role` who have not completed every module its
    /// programme assigns to that role, in one query.
    func untrained(_ role: EnrolmentRole, in cycle: Cycle.ID) async throws -> Set<Person.ID>
}
