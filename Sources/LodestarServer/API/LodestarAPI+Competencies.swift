import LodestarCore

/// `/api/v1/competencies`: the editable catalogue.
extension LodestarAPI {
    func listCompetencies(_ input: Operations.ListCompetencies.Input) async throws -> Operations.ListCompetencies.Output {
        _ = try APIRequest.principal()
        let all = try await store.competencies()
        return .ok(.init(body: .json(ListBody(Page(slicing: all, try APIRequest.page(input.query.offset, input.query.limit)), CompetencyBody.init))))
    }

    func createCompetency(_ input: Operations.CreateCompetency.Input) async throws -> Operations.CreateCompetency.Output {
        try APIRequest.principal().requireAdmin("changing the competency catalogue")
        let body = switch input.body { case .json(let json): try json.read() }
        let competency = try await APIRequest.current().competencyCatalogue(store).add(slug: body.slug, name: body.name, summary: body.summary)
        return .created(.init(body: .json(CompetencyBody(competency))))
    }

    func getCompetency(_ input: Operations.GetCompetency.Input) async throws -> Operations.GetCompetency.Output {
        _ = try APIRequest.principal()
        guard let competency = try await store.competency(slug: input.path.slug) else { throw NotFound("competency", input.path.slug) }
        return .ok(.init(headers: .init(eTag: try EntityTag.of(competency)), body: .json(CompetencyBody(competency))))
    }

    func updateCompetency(_ input: Operations.UpdateCompetency.Input) async throws -> Operations.UpdateCompetency.Output {
        try APIRequest.principal().requireAdmin("changing the competency catalogue")
        let body = switch input.body { case .json(let json): try json.read() }
        let (context, slug) = (try APIRequest.current(), input.path.slug)  // the transaction runs outside the request's task
        let competency = try await conditionally(input.headers.ifMatch, lock: .competency(slug: slug)) { store in
            try await context.competencyCatalogue(store).update(slug, name: body.name, summary: body.summary, requestedSlug: body.slug)
        }
        return .ok(.init(headers: .init(eTag: try EntityTag.of(competency)), body: .json(CompetencyBody(competency))))
    }
}

/// A competency in and out of the API.
struct CompetencyBody: Codable, Hashable, Sendable {
    let slug: String
    let name: String
    let summary: String

    init(_ competency: Competency) {
        slug = competency.slug
        name = competency.name
        summary = competency.summary
    }
}
