import LodestarCore

/// The home page of admins (every programme) and programme managers (theirs), with the cycles.
struct ProgrammesView {
    let title = "Programmes"
    let programmes: [ProgrammeSummary]
    /// Admins create programmes.
    let mayCreate: Bool
    let newHref = SiteURL.newProgramme.path
    /// Archived programmes, by name, below the others.
    let archived: [ArchivedProgramme]
    struct ArchivedProgramme { let href: String; let name: String; let archivedOn: String }

    struct ProgrammeSummary {
        let href: String
        let name: String
        let format: String
        let objectives: String
        let cycles: [CycleSummary]
    }

    init(_ overview: ProgrammeOverview, for principal: Principal) {
        mayCreate = principal.isAdmin
        archived = overview.entries.compactMap { entry in
            entry.programme.archivedAt.map { ArchivedProgramme(href: SiteURL.programme(.value(entry.programme.id)).path, name: entry.programme.name, archivedOn: $0.shownDay) }
        }
        programmes = overview.entries.filter { $0.programme.archivedAt == nil }.map { entry in
            ProgrammeSummary(href: SiteURL.programme(.value(entry.programme.id)).path, name: entry.programme.name, format: entry.programme.format.label,
                             objectives: entry.programme.objectives, cycles: entry.cycles.map { CycleSummary($0.cycle, counts: $0.counts) })
        }
    }
}

/// One cycle in a list: name, state and how many have enrolled.
struct CycleSummary {
    let href: String
    let name: String
    let number: Int
    let state: String
    let mentors: Int
    let mentees: Int
    /// "1 Mar 2027 – 30 Aug 2027", or what is set of it.
    let period: String

    init(_ cycle: Cycle, counts: [EnrolmentRole: Int]) {
        period = cycle.period ?? "not set"
        href = SiteURL.cycle(.value(cycle.id)).path
        name = cycle.name
        number = cycle.number
        state = cycle.state.rawValue
        mentors = counts[.mentor, default: 0]
        mentees = counts[.mentee, default: 0]
    }
}

extension Cycle {
    /// "1 Mar 2027 – 30 Aug 2027", or what is set of it; nil when neither day is set.
    var period: String? {
        dates.start == nil && dates.end == nil ? nil : [dates.start, dates.end].map { $0.map(\.shownDay) ?? "…" }.joined(separator: " – ")
    }
}
