extension ProgrammeRepository {
    /// A cycle with its programme, or `NotFound` naming the cycle.
    public func cycleAndProgramme(_ id: Cycle.ID) async throws -> (cycle: Cycle, programme: Programme) {
        guard let found = try await cycleWithProgramme(id) else { throw NotFound("cycle", id) }
        return found
    }
}
