import LodestarCore

/// The home page of admins (every programme) and programme managers (theirs), with the cycles.
struct ProgrammesView {
    let title = "Programmes"
    let programmes: [ProgrammeSummary]

    struct ProgrammeSummary {
        let id: String
        let name: String
        let format: String
        let objectives: String
        let cycles: [CycleSummary]
    }

    static func load(for principal: Principal, _ store: any LodestarRepositories) async throws -> ProgrammesView {
        var programmes: [ProgrammeSummary] = []
        for programme in try await store.programmes(page: .everything).items where principal.manages(programme.id) {
            programmes.append(ProgrammeSummary(
                id: programme.id.description, name: programme.name, format: programme.format.label,
                objectives: programme.objectives, cycles: try await CycleSummary.all(of: programme.id, store)))
        }
        return ProgrammesView(programmes: programmes)
    }
}

/// One cycle in a list: name, state and how many have enrolled.
struct CycleSummary {
    let id: String
    let name: String
    let number: Int
    let state: String
    let mentors: Int
    let mentees: Int

    init(_ cycle: Cycle, counts: [EnrolmentRole: Int]) {
        id = cycle.id.description
        name = cycle.name
        number = cycle.number
        state = cycle.state.rawValue
        mentors = counts[.mentor, default: 0]
        mentees = counts[.mentee, default: 0]
    }

    static func all(of programme: Programme.ID, _ store: any LodestarRepositories) async throws -> [CycleSummary] {
        var summaries: [CycleSummary] = []
        for cycle in try await store.cycles(of: programme) {
            summaries.append(CycleSummary(cycle, counts: try await store.enrolmentCounts(in: cycle.id)))
        }
        return summaries
    }
}
