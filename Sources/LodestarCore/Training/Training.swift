import Foundation

/// Use cases of training (PRODUCT.md M12): a programme's managers assign modules per role and
/// follow who completed them; each participant takes the modules of their roles — passing the
/// quiz, or confirming they studied a module without one. Matching reads completions when the
/// programme asks mentors to train first.
public struct Training: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Assigns a module to a role of a programme: a resource of the library and its quiz (none:
    /// the person confirms they studied it).
    public func assign(to programmeID: Programme.ID, resource resourceID: Resource.ID, role: EnrolmentRole, title: String, questions: [QuizQuestion], now: Date) async throws -> TrainingModule {
        let programme = try await store.programme(programmeID, managedBy: principal, "assigning training")
        try ProgrammeOffice(store: store, principal: principal).requireNotArchived(programme)
        guard let resource = try await store.resource(resourceID) else {
            throw ValidationError([FieldIssue(field: "resource", message: "\(resourceID) is not in the library")])
        }
        let title = title.trimmingCharacters(in: .whitespaces)
        if let issue = SingleLineText.issue(title, field: "title") { throw ValidationError([issue]) }
        let module = TrainingModule(programmeID: programmeID, resourceID: resource.id, role: role, title: title.isEmpty ? resource.title : title,
                                    questions: questions, added: Attribution(principal, at: now))
        try await store.save(module)
        return module
    }

    /// A programme's modules, each with how many people completed it, and the people taking part
    /// in its newest open cycle (enrolled, or with an application) with the modules each completed.
    public func progress(of programmeID: Programme.ID) async throws -> TrainingProgress {
        let programme = try await store.programme(programmeID, managedBy: principal, "following a programme's training")
        let modules = try await store.trainingModules(of: [programmeID])
        let counts = try await store.completionCounts(of: programmeID)
        let cycle = try await store.cycles(of: programmeID).last { $0.state != .closed }
        var people: [TrainingProgress.Person] = []
        if let cycle {
            var roles: [LodestarCore.Person.ID: EnrolmentRole] = [:]
            for enrolment in try await store.allEnrolments(in: cycle.id) { roles[enrolment.personID] = enrolment.role }
            for application in try await store.applications(in: cycle.id) where application.state.stands && roles[application.personID] == nil {
                roles[application.personID] = application.role
            }
            let done = Dictionary(grouping: try await store.completions(of: Set(roles.keys)), by: \.personID)
            let found = try await store.people(ids: Set(roles.keys))
            people = found.compactMap { person in
                guard let role = roles[person.id] else { return nil }
                let own = modules.filter { $0.role == role }
                let completed = Set((done[person.id] ?? []).map(\.moduleID))
                return TrainingProgress.Person(person: person, role: role, completed: own.filter { completed.contains($0.id) }.count, of: own.count)
            }.sorted { ($0.role.rawValue, $0.person.name) < ($1.role.rawValue, $1.person.name) }
        }
        return TrainingProgress(programme: programme, cycle: cycle, modules: modules.map { ($0, counts[$0.id] ?? 0) }, people: people)
    }

    /// The modules the principal is asked to take — their roles' in the programmes where they
    /// are enrolled or applying — each with whether they completed it. `applications`, when the
    /// caller read them already (the home page), are the principal's own.
    public func mine(applications: [ApplicationPage]? = nil) async throws -> [AssignedModule] {
        guard let me = principal.person else { return [] }
        var roles: [Programme.ID: Set<EnrolmentRole>] = [:]
        for entry in principal.enrolments { roles[entry.programmeID, default: []].insert(entry.enrolment.role) }
        let read = applications == nil ? try await ApplicationPage.all(of: me, store) : []
        for page in applications ?? read where page.application.state.stands && page.cycle.takesEnrolments {
            roles[page.programme.id, default: []].insert(page.application.role)
        }
        let completed = Dictionary(try await store.completions(of: [me.id]).map { ($0.moduleID, $0.completedAt) }, uniquingKeysWith: { first, _ in first })
        let programmes = Dictionary(uniqueKeysWithValues: try await store.programmes(ids: Set(roles.keys)).map { ($0.id, $0) })
        return try await store.trainingModules(of: Set(roles.keys)).compactMap { module in
            guard roles[module.programmeID]?.contains(module.role) == true, let programme = programmes[module.programmeID] else { return nil }
            return AssignedModule(module: module, programme: programme, completedAt: completed[module.id])
        }
    }

    /// A module with its resource, for the people it is assigned to and its programme's managers
    /// (anyone else is told it is not found).
    public func module(_ id: TrainingModule.ID) async throws -> ModuleReading {
        guard let module = try await store.trainingModule(id), let programme = try await store.programme(module.programmeID) else { throw NotFound("training module", id) }
        let assigned = try await mine().first { $0.module.id == id }
        guard principal.manages(programme.id) || assigned != nil else { throw NotFound("training module", id) }
        guard let resource = try await store.resource(module.resourceID) else { throw NotFound("resource", module.resourceID) }
        return ModuleReading(module: module, resource: resource, programme: programme, assigned: assigned)
    }

    /// Completes a module: the quiz passed (every answer right — the wrong ones are named), or the
    /// person's confirmation for a module without one. Completing twice keeps the first date.
    public func complete(_ id: TrainingModule.ID, answers: [Int?], confirmed: Bool, now: Date) async throws -> TrainingCompletion {
        let reading = try await module(id)
        guard let me = principal.person, reading.assigned != nil else {
            throw AccessDenied("Completing training is for the people it is assigned to.")
        }
        let module = reading.module
        if module.questions.isEmpty {
            guard confirmed else { throw ValidationError([FieldIssue(field: "confirmed", message: "confirm that you have studied it")]) }
        } else {
            let wrong = module.questions.indices.filter { $0 >= answers.count || answers[$0] != module.questions[$0].answer }
            guard wrong.isEmpty else {
                throw ValidationError(wrong.map { FieldIssue(field: "q\($0)", message: "question \($0 + 1) is not right yet; the resource has the answer") })
            }
        }
        let completion = TrainingCompletion(moduleID: id, personID: me.id, completedAt: now)
        try await store.save(completion)
        return completion
    }
}

/// A programme's training as its managers follow it.
public struct TrainingProgress: Sendable {
    /// Someone taking part, with how many of their role's modules they completed.
    public struct Person: Sendable {
        public let person: LodestarCore.Person
        public let role: EnrolmentRole
        public let completed: Int
        public let of: Int
    }

    public let programme: Programme
    /// The newest cycle not closed, whose people are listed.
    public let cycle: Cycle?
    public let modules: [(module: TrainingModule, completed: Int)]
    public let people: [Person]
}

/// A module as its page shows it: what to study, its programme, and — when it is the
/// principal's to take — their assignment.
public struct ModuleReading: Sendable {
    public let module: TrainingModule
    public let resource: Resource
    public let programme: Programme
    /// Nil for a manager it is not assigned to.
    public let assigned: AssignedModule?
}

/// A module assigned to the principal, with its programme and when they completed it.
public struct AssignedModule: Sendable {
    public let module: TrainingModule
    public let programme: Programme
    public let completedAt: Date?
}
