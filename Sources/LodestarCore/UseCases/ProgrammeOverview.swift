/// The programmes a principal manages (every one for an admin), each with its cycles and how many
/// mentors and mentees each cycle has: the home page of admins and managers, in three queries
/// however many programmes and cycles there are.
public struct ProgrammeOverview: Sendable {
    /// One programme and its cycles, oldest first.
    public struct Entry: Sendable {
        public let programme: Programme
        public let cycles: [CycleCount]
    }

    /// A cycle with its enrolment counts by role.
    public struct CycleCount: Sendable {
        public let cycle: Cycle
        public let counts: [EnrolmentRole: Int]
    }

    public let entries: [Entry]

    /// Reads the overview for `principal`.
    public static func read(for principal: Principal, _ store: any ProgrammeReading) async throws -> ProgrammeOverview {
        if !principal.isAdmin && principal.managedProgrammes.isEmpty { return ProgrammeOverview(entries: []) }
        let programmes = try await store.programmes(ids: principal.isAdmin ? nil : principal.managedProgrammes).filter { principal.manages($0.id) }
        return ProgrammeOverview(entries: try await cycles(of: programmes, store))
    }

    /// The given programmes with their cycles and counts (a programme's own page uses one).
    public static func cycles(of programmes: [Programme], _ store: any ProgrammeReading) async throws -> [Entry] {
        let byProgramme = Dictionary(grouping: try await store.cyclesWithCounts(ofAny: programmes.map(\.id)), by: \.cycle.programmeID)
        return programmes.map { programme in
            Entry(programme: programme, cycles: (byProgramme[programme.id] ?? []).map { CycleCount(cycle: $0.cycle, counts: $0.counts) })
        }
    }
}
