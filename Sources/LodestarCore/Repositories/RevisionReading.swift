/// Whether what a matching plan is made from has changed: a number that every write to people,
/// programmes, cycles, enrolments, conflicts or relationships moves on, on whichever app server.
public protocol PlanningRevisionReading: Sendable {
    /// The number now; a plan made after reading it is current until it moves.
    func planningRevision() async throws -> Int64
}

/// Whether anything a page shows has changed: a number that every write moves on — to any table
/// but the bookkeeping ones, and the end of any session — on whichever app server.
public protocol DataRevisionReading: Sendable {
    /// The number now; what is read after reading it is current until it moves.
    func dataRevision() async throws -> Int64
}
