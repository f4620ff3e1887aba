import Foundation

/// Use cases of the competency catalogue: add and rename competencies; slugs never change,
/// because CSV files and profiles refer to them.
public struct CompetencyCatalogue: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal` (changes need an organisation admin).
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Adds a competency with a new slug.
    public func add(slug: String, name: String, summary: String) async throws -> Competency {
        try principal.requireAdmin("changing the competency catalogue")
        var issues = Self.issues(slug: slug, name: name)
        if try await store.competency(slug: slug) != nil {
            issues.append(FieldIssue(field: "slug", message: "'\(slug)' exists already; PUT /api/v1/competencies/\(slug) changes it"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let competency = Competency(slug: slug, name: name, summary: summary)
        try await store.save(competency)
        return competency
    }

    /// Renames or re-describes the competency `slug`.
    public func update(_ slug: String, name: String, summary: String, requestedSlug: String) async throws -> Competency {
        try principal.requireAdmin("changing the competency catalogue")
        guard var competency = try await store.competency(slug: slug) else { throw NotFound("competency", slug) }
        var issues = Self.issues(slug: slug, name: name)
        if requestedSlug != slug {
            issues.append(FieldIssue(field: "slug", message: "is \(slug) in the path; a slug can't change because files refer to it"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        competency.name = name
        competency.summary = summary
        try await store.save(competency)
        return competency
    }

    static func issues(slug: String, name: String) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if slug.isEmpty || !slug.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }) {
            issues.append(FieldIssue(field: "slug", message: "'\(slug)' must be lowercase letters, digits and hyphens, e.g. active-listening"))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: "name", message: "is empty")) }
        issues += SingleLineText.issues([("slug", slug), ("name", name)])
        return issues
    }
}
