import LodestarCore

/// The home page of mentors and mentees: where they take part, and what their profile still lacks.
struct HomeView {
    let title = "Home"
    let heading: String
    let enrolments: [EnrolmentLine]
    // Stored, not computed: Mustache reads stored properties only.
    let hasEnrolments: Bool
    let nothing: Bool

    struct EnrolmentLine {
        let enrolmentID: String
        let programmeID: String
        let programme: String
        let cycle: String
        let role: String
        let state: String
        let missing: [String]
    }

    static func load(for principal: Principal, _ store: any LodestarRepositories) async throws -> HomeView {
        var lines: [EnrolmentLine] = []
        for (enrolment, programmeID) in principal.enrolments {
            guard let programme = try await store.programme(programmeID), let cycle = try await store.cycle(enrolment.cycleID) else { continue }
            lines.append(EnrolmentLine(enrolmentID: enrolment.id.description, programmeID: programme.id.description, programme: programme.name, cycle: cycle.name,
                                       role: enrolment.role.rawValue, state: cycle.state.rawValue, missing: enrolment.profile.missing(for: enrolment.role)))
        }
        return HomeView(heading: "Welcome, \(principal.displayName)", enrolments: lines, hasEnrolments: !lines.isEmpty, nothing: lines.isEmpty)
    }
}
