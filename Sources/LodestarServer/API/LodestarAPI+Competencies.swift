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

    func updateCompetency(_ input: Operations.UpdateCompetency.Input) async throws -> Operations.UpdateCompetency.Output {
        try APIRequest.principal().requireAdmin("changing the competency catalogue")
        let body = switch input.body { case .json(let json): try json.read() }
        let competency = try await APIRequest.current().competencyCatalogue(store)
            .update(input.path.slug, name: body.name, summary: body.summary, requestedSlug: body.slug)
        return .ok(.init(body: .json(CompetencyBody(competency))))
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
