import Foundation
import LodestarCore

/// `/api/v1/resources`, `/api/v1/programmes/{id}/training` and `/api/v1/training`: the library,
/// the modules programmes assign, and completing them — the pages' use cases.
extension LodestarAPI {
    func listResources(_ input: Operations.ListResources.Input) async throws -> Operations.ListResources.Output {
        let audience = try input.query.audience.map { try ResourceAudience.parse($0, field: "audience") }
        let page = try await library().search(input.query.q ?? "", competency: input.query.competency, audience: audience,
                                              page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, ResourceBody.init))))
    }

    func addResource(_ input: Operations.AddResource.Input) async throws -> Operations.AddResource.Output {
        let context = try APIRequest.current()
        try context.signedIn().requireManagement("adding to the library")
        let body = switch input.body { case .json(let json): try json.read() }
        let record = ResourceRecord(title: body.title, kind: body.kind, summary: body.summary, body: body.body ?? "", link: body.link ?? "",
                                    competencies: body.competencies ?? [], audience: body.audience)
        return .created(.init(body: .json(ResourceBody(try await library().add(record, now: context.now)))))
    }

    func getResource(_ input: Operations.GetResource.Input) async throws -> Operations.GetResource.Output {
        .ok(.init(body: .json(ResourceBody(try await library().resource(try Identifier(path: input.path.id, of: "resource"))))))
    }

    func getProgrammeTraining(_ input: Operations.GetProgrammeTraining.Input) async throws -> Operations.GetProgrammeTraining.Output {
        let progress = try await training().progress(of: try Identifier(path: input.path.id, of: "programme"))
        return .ok(.init(body: .json(TrainingProgressBody(progress))))
    }

    func assignTraining(_ input: Operations.AssignTraining.Input) async throws -> Operations.AssignTraining.Output {
        let context = try APIRequest.current()
        let id: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        _ = try await store.programme(id, managedBy: try context.signedIn(), "assigning training")
        let body = switch input.body { case .json(let json): try json.read() }
        guard let resource = Resource.ID(body.resourceId) else { throw ValidationError([FieldIssue(field: "resourceId", message: "'\(body.resourceId)' is not a resource id")]) }
        let questions = try (body.questions ?? []).enumerated().map { index, question in
            guard question.options.count >= 2, question.options.indices.contains(question.answer), !question.text.isEmpty else {
                throw ValidationError([FieldIssue(field: "questions.\(index)", message: "a question needs its text, at least two options and the position of the right one")])
            }
            return QuizQuestion(text: question.text, options: question.options, answer: question.answer)
        }
        let module = try await training().assign(to: id, resource: resource, role: body.role, title: body.title ?? "", questions: questions, now: context.now)
        return .created(.init(body: .json(ModuleBody(module, programme: nil, completedAt: nil, forManager: true))))
    }

    func listMyTraining(_ input: Operations.ListMyTraining.Input) async throws -> Operations.ListMyTraining.Output {
        let mine = try await training().mine()
        return .ok(.init(body: .json(ListBody(Page(items: mine, total: mine.count, request: .everything)) {
            ModuleBody($0.module, programme: $0.programme, completedAt: $0.completedAt, forManager: false)
        })))
    }

    func completeTraining(_ input: Operations.CompleteTraining.Input) async throws -> Operations.CompleteTraining.Output {
        let context = try APIRequest.current()
        let id: TrainingModule.ID = try Identifier(path: input.path.id, of: "training module")
        _ = try await training().module(id)
        let body = switch input.body { case .json(let json): try json.read() }
        let completion = try await training().complete(id, answers: body.answers ?? [], confirmed: body.confirmed ?? false, now: context.now)
        return .ok(.init(body: .json(CompletionBody(moduleId: completion.moduleID.description, completedAt: completion.completedAt))))
    }

    private func library() throws -> ResourceLibrary { ResourceLibrary(store: store, principal: try APIRequest.principal()) }
    private func training() throws -> Training { Training(store: store, principal: try APIRequest.principal()) }
}

/// A resource as the API shows it.
struct ResourceBody: Encodable, Hashable, Sendable {
    let id: String
    let title: String
    let kind: ResourceKind
    let summary: String
    let body: String
    let link: String?
    let competencies: [String]
    let audience: [ResourceAudience]
    let addedBy: String
    let addedAt: Date

    init(_ resource: Resource) {
        id = resource.id.description
        title = resource.title
        kind = resource.kind
        summary = resource.summary
        body = resource.body
        link = resource.link
        competencies = resource.competencies
        audience = resource.audience
        addedBy = resource.added.by
        addedAt = resource.added.at
    }
}

/// A new resource.
struct ResourceInput: Decodable, Sendable {
    let title: String
    let kind: String
    let summary: String
    let body: String?
    let link: String?
    let competencies: [String]?
    let audience: [String]
}

/// A training module; the quiz's right answers only for the programme's managers.
struct ModuleBody: Encodable, Hashable, Sendable {
    struct Question: Encodable, Hashable, Sendable {
        let text: String
        let options: [String]
        let answer: Int?
    }
    let id: String
    let programmeId: String
    let programmeName: String?
    let resourceId: String
    let role: EnrolmentRole
    let title: String
    let questions: [Question]
    let completedAt: Date?

    init(_ module: TrainingModule, programme: Programme?, completedAt: Date?, forManager: Bool) {
        id = module.id.description
        programmeId = module.programmeID.description
        programmeName = programme?.name
        resourceId = module.resourceID.description
        role = module.role
        title = module.title
        questions = module.questions.map { Question(text: $0.text, options: $0.options, answer: forManager ? $0.answer : nil) }
        self.completedAt = completedAt
    }
}

/// A programme's training progress.
struct TrainingProgressBody: Encodable, Hashable, Sendable {
    struct Module: Encodable, Hashable, Sendable {
        let module: ModuleBody
        let completed: Int
    }
    struct Participant: Encodable, Hashable, Sendable {
        let personId: String
        let name: String
        let role: EnrolmentRole
        let completed: Int
        let of: Int
    }
    let programmeId: String
    let cycleId: String?
    let modules: [Module]
    let people: [Participant]

    init(_ progress: TrainingProgress) {
        programmeId = progress.programme.id.description
        cycleId = progress.cycle?.id.description
        modules = progress.modules.map { Module(module: ModuleBody($0.module, programme: nil, completedAt: nil, forManager: true), completed: $0.completed) }
        people = progress.people.map { Participant(personId: $0.person.id.description, name: $0.person.name, role: $0.role, completed: $0.completed, of: $0.of) }
    }
}

/// A module to assign.
struct ModuleInput: Decodable, Sendable {
    struct Question: Decodable, Sendable {
        let text: String
        let options: [String]
        let answer: Int
    }
    let resourceId: String
    let role: EnrolmentRole
    let title: String?
    let questions: [Question]?
}

/// Answers to a module's quiz, or the confirmation of one without.
struct CompletionInput: Decodable, Sendable {
    let answers: [Int?]?
    let confirmed: Bool?
}

/// A completed module.
struct CompletionBody: Encodable, Hashable, Sendable {
    let moduleId: String
    let completedAt: Date
}
