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
        let programmes = try await store.programmes(page: .everything).items.filter { principal.manages($0.id) }
        return ProgrammeOverview(entries: try await cycles(of: programmes, store))
    }

    /// The given programmes with their cycles and counts (a programme's own page uses one).
    public static func cycles(of programmes: [Programme], _ store: any ProgrammeReading) async throws -> [Entry] {
        let cycles = try await store.cycles(ofAny: programmes.map(\.id))
        let counts = try await store.enrolmentCounts(inAny: cycles.map(\.id))
        let byProgramme = Dictionary(grouping: cycles, by: \.programmeID)
        return programmes.map { programme in
            Entry(programme: programme, cycles: (byProgramme[programme.id] ?? []).sorted { $0.number < $1.number }
                .map { CycleCount(cycle: $0, counts: counts[$0.id] ?? [:]) })
        }
    }
}
