import Hummingbird
import LodestarCore

/// `/api/v1/competencies`: the editable catalogue.
struct CompetencyController {
    let store: any LodestarRepositories

    func register(on group: RouterGroup<LodestarContext>) {
        group.get { request, context in
            _ = try context.signedIn()
            let all = try await store.competencies()
            return ListBody(Page(slicing: all, try request.pageRequest()), CompetencyBody.init)
        }
        group.post { request, context in
            try context.signedIn().requireAdmin("changing the competency catalogue")
            let input = try await JSONBody.decode(CompetencyBody.self, from: request)
            return created(CompetencyBody(try await context.competencyCatalogue(store).add(slug: input.slug, name: input.name, summary: input.summary)))
        }
        group.put(":slug") { request, context in
            try context.signedIn().requireAdmin("changing the competency catalogue")
            let input = try await JSONBody.decode(CompetencyBody.self, from: request)
            return CompetencyBody(try await context.competencyCatalogue(store).update(context.parameters.get("slug") ?? "", name: input.name,
                                                             summary: input.summary, requestedSlug: input.slug))
        }
    }
}

/// A competency in and out of the API.
struct CompetencyBody: ResponseEncodable, Decodable {
    let slug: String
    let name: String
    let summary: String

    init(_ competency: Competency) {
        slug = competency.slug
        name = competency.name
        summary = competency.summary
    }
}
