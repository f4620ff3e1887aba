import Hummingbird
import LodestarCore

/// `/api/v1/competencies`: the editable catalogue.
struct CompetencyController {
    let store: any LodestarRepositories

    func register(on group: RouterGroup<BasicRequestContext>) {
        group.get { _, _ in
            let all = try await store.competencies()
            return ListBody(Page(items: all, total: all.count, request: .everything), CompetencyBody.init)
        }
        group.post { request, _ in
            let input = try await JSONBody.decode(CompetencyBody.self, from: request)
            if try await store.competency(slug: input.slug) != nil {
                throw ValidationError([FieldIssue(field: "slug", message: "'\(input.slug)' exists already; PUT /api/v1/competencies/\(input.slug) changes it")])
            }
            let competency = Competency(slug: input.slug, name: input.name, summary: input.summary)
            try await save(competency)
            return created(CompetencyBody(competency))
        }
        group.put(":slug") { request, context in
            let slug = context.parameters.get("slug") ?? ""
            guard var competency = try await store.competency(slug: slug) else { throw NotFound("competency", slug) }
            let input = try await JSONBody.decode(CompetencyBody.self, from: request)
            guard input.slug == slug else {
                throw ValidationError([FieldIssue(field: "slug", message: "is \(slug) in the path; a slug can't change because files refer to it")])
            }
            competency.name = input.name
            competency.summary = input.summary
            try await save(competency)
            return CompetencyBody(competency)
        }
    }

    private func save(_ competency: Competency) async throws {
        var issues: [FieldIssue] = []
        if competency.slug.isEmpty || !competency.slug.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }) {
            issues.append(FieldIssue(field: "slug", message: "'\(competency.slug)' must be lowercase letters, digits and hyphens, e.g. active-listening"))
        }
        if competency.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: "name", message: "is empty")) }
        guard issues.isEmpty else { throw ValidationError(issues) }
        try await store.save(competency)
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
