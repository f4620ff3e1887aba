extension ProgrammeRepository {
    /// A cycle with its programme, or `NotFound` naming the cycle.
    public func cycleAndProgramme(_ id: Cycle.ID) async throws -> (cycle: Cycle, programme: Programme) {
        guard let found = try await cycleWithProgramme(id) else { throw NotFound("cycle", id) }
        return found
    }

    /// The programme, once `principal` may manage it: `NotFound` naming it, or `AccessDenied`
    /// saying what `doing` needs.
    public func programme(_ id: Programme.ID, managedBy principal: Principal, _ doing: String) async throws -> Programme {
        guard let programme = try await programme(id) else { throw NotFound("programme", id) }
        try principal.requireManager(of: programme, doing)
        return programme
    }
}
