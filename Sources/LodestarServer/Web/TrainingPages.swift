import Foundation
import Hummingbird
import LodestarCore

/// The library and training in the browser: everyone searches and reads the library, managers
/// add to it; a programme's managers assign modules and follow completion; each participant
/// takes their modules — the same use cases as the API.
struct TrainingPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.library) { request, context in
            try await library(request, context)
        }
        router.post(.library) { request, context in
            var request = request
            let form = try await FormBody.pairs(of: &request)
            func field(_ name: String) -> String { form.last { $0.0 == name }?.1 ?? "" }
            let record = ResourceRecord(title: field("title"), kind: field("kind"), summary: field("summary"), body: field("body"), link: field("link"),
                                        competencies: form.filter { $0.0 == "competency" }.map(\.1), audience: form.filter { $0.0 == "audience" }.map(\.1))
            do {
                let resource = try await ResourceLibrary(store: store, principal: try context.signedIn()).add(record, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.resource(.value(resource.id)).path])
            } catch let error as ValidationError {
                return try await library(request, context, entered: record, issues: error.issues).response(from: request, context: context)
            }
        }
        router.get(.resource(.key)) { _, context in
            let resource = try await ResourceLibrary(store: store, principal: try context.signedIn()).resource(try context.parameters.id(of: "resource"))
            return pages.render(.resource, ResourceView(resource, competencies: try await competencyNames()), for: context)
        }
        router.get(.programmeTraining(.key)) { _, context in
            try await programmeTraining(context)
        }
        router.post(.programmeTraining(.key)) { request, context in
            let programmeID: Programme.ID = try context.parameters.id(of: "programme")
            let form = try await FormBody.fields(request)
            do {
                guard let resource = Resource.ID(form["resource"] ?? "") else { throw ValidationError([FieldIssue(field: "resource", message: "choose a resource of the library")]) }
                let role = try EnrolmentRole.parse(form["role"] ?? "", field: "role")
                let questions = try QuizQuestion.parse(form["questions"] ?? "")
                _ = try await training(context).assign(to: programmeID, resource: resource, role: role, title: form["title"] ?? "", questions: questions, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.programmeTraining(.value(programmeID)).path])
            } catch let error as ValidationError {
                return try await programmeTraining(context, entered: form, issues: error.issues).response(from: request, context: context)
            }
        }
        router.get(.trainingModule(.key)) { _, context in
            try await module(try context.parameters.id(of: "training module"), context)
        }
        router.post(.trainingModule(.key)) { request, context in
            let id: TrainingModule.ID = try context.parameters.id(of: "training module")
            let module = try await training(context).module(id).module
            let form = try await FormBody.fields(request)
            let answers = module.questions.indices.map { form["q\($0)"].flatMap { WholeNumber.parse($0) } }
            do {
                _ = try await training(context).complete(id, answers: answers, confirmed: form["confirmed"] != nil, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.trainingModule(.value(id)).path])
            } catch let error as ValidationError {
                return try await self.module(id, context, answers: answers, issues: error.issues).response(from: request, context: context)
            }
        }
    }

    private func training(_ context: LodestarContext) throws -> Training { Training(store: store, principal: try context.signedIn()) }

    private func competencyNames() async throws -> [String: String] {
        Dictionary(try await store.competencies().map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    private func library(_ request: Request, _ context: LodestarContext, entered: ResourceRecord? = nil, issues: [FieldIssue] = []) async throws -> HTML {
        let principal = try context.signedIn()
        let query = request.uri.queryParameters
        let text = query.get("q") ?? "", competency = query.get("competency") ?? ""
        let audience = query.get("audience").flatMap(ResourceAudience.init(rawValue:))
        let found = try await ResourceLibrary(store: store, principal: principal).search(text, competency: competency.isEmpty ? nil : competency, audience: audience,
                                                                                          page: try request.pageRequest())
        let view = LibraryView(found, search: (text, competency, audience), competencies: try await store.competencies(), mayAdd: principal.isAdmin || !principal.managedProgrammes.isEmpty,
                               entered: entered, issues: issues, csrf: context.session?.csrfToken ?? "")
        return pages.render(.library, view, for: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    private func programmeTraining(_ context: LodestarContext, entered: [String: String] = [:], issues: [FieldIssue] = []) async throws -> HTML {
        let progress = try await training(context).progress(of: try context.parameters.id(of: "programme"))
        let library = try await store.resources(matching: nil, competency: nil, audience: nil, page: .everything).items
        let view = ProgrammeTrainingView(progress, library: library, entered: entered, issues: issues, csrf: context.session?.csrfToken ?? "")
        return pages.render(.programmeTraining, view, for: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    private func module(_ id: TrainingModule.ID, _ context: LodestarContext, answers: [Int?] = [], issues: [FieldIssue] = []) async throws -> HTML {
        let view = ModuleView(try await training(context).module(id), answers: answers, issues: issues, csrf: context.session?.csrfToken ?? "")
        return pages.render(.module, view, for: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }
}
