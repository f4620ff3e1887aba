/// Whether what a matching plan is made from has changed: a number that every write to people,
/// programmes, cycles, enrolments, conflicts or relationships moves on, on whichever app server.
public protocol PlanningRevisionReading: Sendable {
    /// The number now; a plan made after reading it is current until it moves.
    func planningRevision() async throws -> Int64
}
