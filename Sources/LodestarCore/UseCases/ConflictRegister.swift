import Foundation

/// Use cases of declared conflicts of interest: matching never pairs the two people. Organisation
/// admins see and change every declaration; a programme manager those with someone enrolled in
/// one of their programmes. Each declaration and withdrawal records who made it and when.
public struct ConflictRegister: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// The declarations the principal may see, newest first, with the two people's names.
    public func list(page: PageRequest) async throws -> Page<NamedConflict> {
        try principal.requireManagement("seeing declared conflicts of interest")
        return try await store.namedConflicts(involving: principal.isAdmin ? nil : principal.managedProgrammes, page: page)
    }

    /// Declares a conflict between two people named by their HR ids.
    public func declare(between a: String, and b: String, reason: String, now: Date) async throws -> NamedConflict {
        try principal.requireManagement("declaring conflicts of interest")
        let (a, b) = (a.trimmingCharacters(in: .whitespaces), b.trimmingCharacters(in: .whitespaces))
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [FieldIssue] = []
        let first = try await store.person(externalID: a), second = try await store.person(externalID: b)
        if first == nil { issues.append(FieldIssue(field: "personA", message: "'\(a)' is not in the people directory")) }
        if second == nil { issues.append(FieldIssue(field: "personB", message: "'\(b)' is not in the people directory")) }
        if a == b { issues.append(FieldIssue(field: "personB", message: "a conflict needs two different people")) }
        if reason.isEmpty { issues.append(FieldIssue(field: "reason", message: "is empty; say why, e.g. 'spouses' or 'former manager'")) }
        issues += SingleLineText.issues([("reason", reason)])
        guard issues.isEmpty, let first, let second else { throw ValidationError(issues) }
        guard try await mayChange(between: first.id, and: second.id) else {
            throw AccessDenied("Declaring a conflict of interest between two people enrolled in none of your programmes needs the organisation admin role.")
        }
        let conflict = ConflictOfInterest(between: first.id, and: second.id, reason: reason, declared: Attribution(principal, at: now))
        if try await store.conflict(between: conflict.people) != nil {
            throw ValidationError([FieldIssue(field: "personB", message: "a conflict between \(a) and \(b) is already declared")])
        }
        let change = AdministrativeChange(.conflictDeclared, programme: nil, subject: Self.subject(first, second), attribution: Attribution(principal, at: now))
        try await store.inTransaction { store in
            try await store.save(conflict)
            try await store.record(change)
        }
        let inOrder = conflict.people.first == first.id ? [first, second] : [second, first]
        return NamedConflict(conflict, people: inOrder.map { NamedPerson(id: $0.id, externalID: $0.externalID, name: $0.name) })
    }

    /// Withdraws a declaration the principal may see.
    public func withdraw(_ id: ConflictOfInterest.ID, now: Date) async throws {
        try principal.requireManagement("withdrawing conflicts of interest")
        guard let conflict = try await store.conflict(id), try await mayChange(between: conflict.people.first, and: conflict.people.second) else {
            throw NotFound("conflict of interest", id)
        }
        let people = try await store.people(ids: [conflict.people.first, conflict.people.second])
        let change = AdministrativeChange(.conflictWithdrawn, programme: nil,
                                          subject: people.count == 2 ? Self.subject(people[0], people[1]) : "two people no longer in the directory",
                                          attribution: Attribution(principal, at: now))
        try await store.inTransaction { store in
            guard try await store.delete(id) else { throw NotFound("conflict of interest", id) }
            try await store.record(change)
        }
    }

    /// Who declared and withdrew conflicts, and when, newest first (organisation admins).
    public func history(page: PageRequest = .first) async throws -> Page<AdministrativeChange> {
        try principal.requireAdmin("seeing who declared and withdrew conflicts of interest")
        return try await store.changes(programme: nil, kinds: [.conflictDeclared, .conflictWithdrawn], page: page)
    }

    /// Admins change any declaration; a manager one with someone enrolled in a programme they manage.
    private func mayChange(between a: Person.ID, and b: Person.ID) async throws -> Bool {
        if principal.isAdmin { return true }
        for person in [a, b] where try await store.participations(of: person).contains(where: { principal.managedProgrammes.contains($0.programmeID) }) {
            return true
        }
        return false
    }

    private static func subject(_ a: Person, _ b: Person) -> String {
        "\(a.name) (\(a.externalID)) and \(b.name) (\(b.externalID))"
    }
}
