import Foundation

extension ProgrammeOffice {
    /// Archives a programme whose cycles are all draft or closed: it leaves the home page, is
    /// kept for the record and changes no more until restored. Recorded with who and when.
    public func archive(_ programmeID: Programme.ID, now: Date) async throws -> Programme {
        var programme = try await store.programme(programmeID, managedBy: principal, "archiving a programme")
        guard programme.archivedAt == nil else { throw ValidationError([FieldIssue(field: "programme", message: "'\(programme.name)' is archived already")]) }
        let running = try await store.cycles(of: programme.id).filter { ![.draft, .closed].contains($0.state) }
        guard running.isEmpty else {
            throw ValidationError([FieldIssue(field: "programme", message: running.map { "\($0.name) is \($0.state.rawValue)" }.joined(separator: ", ")
                                              + "; close a cycle (or move it back to draft) before archiving its programme")])
        }
        programme.archivedAt = now
        return try await save(programme, recording: .programmeArchived, now: now)
    }

    /// Brings an archived programme back.
    public func restore(_ programmeID: Programme.ID, now: Date) async throws -> Programme {
        var programme = try await store.programme(programmeID, managedBy: principal, "restoring a programme")
        guard programme.archivedAt != nil else { throw ValidationError([FieldIssue(field: "programme", message: "'\(programme.name)' is not archived")]) }
        programme.archivedAt = nil
        return try await save(programme, recording: .programmeRestored, now: now)
    }

    /// Refuses a change to an archived programme, saying how to make it.
    func requireNotArchived(_ programme: Programme) throws {
        guard let archived = programme.archivedAt else { return }
        throw ValidationError([FieldIssue(field: "programme", message: "'\(programme.name)' was archived on \(archived.formatted(.iso8601.year().month().day())); restore it to change it")])
    }

    private func save(_ programme: Programme, recording kind: AdministrativeChange.Kind, now: Date) async throws -> Programme {
        try await store.inTransaction { [principal] store in
            try await store.save(programme)
            try await store.record(AdministrativeChange(kind, programme: programme.id, subject: programme.name, attribution: Attribution(principal, at: now)))
        }
        return programme
    }
}
