import Foundation

/// Use cases of declared conflicts of interest: matching never pairs the two people.
public struct ConflictRegister: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal` (changes need an organisation admin).
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Declares a conflict between two people named by their HR ids.
    public func declare(between a: String, and b: String, reason: String) async throws -> ConflictOfInterest {
        try principal.requireAdmin("declaring conflicts of interest")
        var issues: [FieldIssue] = []
        let first = try await store.person(externalID: a), second = try await store.person(externalID: b)
        if first == nil { issues.append(FieldIssue(field: "personA", message: "'\(a)' is not in the people directory")) }
        if second == nil { issues.append(FieldIssue(field: "personB", message: "'\(b)' is not in the people directory")) }
        if a == b { issues.append(FieldIssue(field: "personB", message: "a conflict needs two different people")) }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: "reason", message: "is empty; say why, e.g. 'spouses' or 'former manager'")) }
        guard issues.isEmpty, let first, let second else { throw ValidationError(issues) }
        let conflict = ConflictOfInterest(between: first.id, and: second.id, reason: reason.trimmingCharacters(in: .whitespaces))
        if try await store.conflicts().contains(where: { $0.people == conflict.people }) {
            throw ValidationError([FieldIssue(field: "personB", message: "a conflict between \(a) and \(b) is already declared")])
        }
        try await store.save(conflict)
        return conflict
    }

    /// Withdraws a declaration.
    public func withdraw(_ id: ConflictOfInterest.ID) async throws {
        try principal.requireAdmin("withdrawing conflicts of interest")
        guard try await store.delete(id) else { throw NotFound("conflict of interest", id) }
    }
}
