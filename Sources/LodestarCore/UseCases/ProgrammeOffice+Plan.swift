import Foundation

extension ProgrammeOffice {
    /// The weights a manager tried on a cycle's plan become its programme's own; nil (no weights
    /// sent) is refused after the access rule.
    public func adoptWeights(_ weights: MatchWeights?, triedOn cycleID: Cycle.ID) async throws -> Programme {
        let programme = try await programme(of: cycleID)
        try principal.requireManager(of: programme, "changing a programme's weights")
        guard let weights else { throw ValidationError([FieldIssue(field: "matching.weights", message: "no weights were sent")]) }
        var settings = programme.effectiveMatching
        settings.weights = weights
        return try await update(programme.id, with: ProgrammeRecord(
            name: programme.name, objectives: programme.objectives, focusCompetencies: programme.focusCompetencies, format: programme.format,
            durationWeeks: programme.durationWeeks, cadence: programme.cadence, matching: settings))
    }

    /// Moves a cycle to the state a form names (a name that is no state is refused after the access rule).
    public func move(_ cycleID: Cycle.ID, toStateNamed name: String, readinessOverride: ReadinessOverride? = nil, now: Date = Date()) async throws -> Cycle {
        try principal.requireManager(of: try await programme(of: cycleID), "changing a cycle's state")
        guard let state = CycleState(rawValue: name) else {
            throw ValidationError([FieldIssue(field: "state", message: "'\(name)' is not a cycle state")])
        }
        return try await move(cycleID, to: state, readinessOverride: readinessOverride, now: now)
    }
}
