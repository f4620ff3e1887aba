import Foundation

/// Use cases of the library (PRODUCT.md M12): everyone signed in searches and reads it; admins
/// and programme managers add to it.
public struct ResourceLibrary: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// One page of the library: by words in the title or summary, a competency, an audience.
    public func search(_ text: String = "", competency: String? = nil, audience: ResourceAudience? = nil, page: PageRequest = .first) async throws -> Page<Resource> {
        let text = String(text.trimmingCharacters(in: .whitespaces).prefix(100))
        return try await store.resources(matching: text, competency: competency, audience: audience, page: page)
    }

    /// One resource.
    public func resource(_ id: Resource.ID) async throws -> Resource {
        guard let resource = try await store.resource(id) else { throw NotFound("resource", id) }
        return resource
    }

    /// Adds a resource.
    public func add(_ record: ResourceRecord, now: Date) async throws -> Resource {
        try principal.requireManagement("adding to the library")
        let resource = try record.resource(known: try await ProgrammeOffice(store: store, principal: principal).competencySlugs(), added: Attribution(principal, at: now))
        try await store.save(resource)
        return resource
    }
}
