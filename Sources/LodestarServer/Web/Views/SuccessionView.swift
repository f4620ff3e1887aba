import Foundation
import LodestarCore

/// The succession page: the pipeline by competency, the high potentials, those in no programme
/// yet, finding someone to flag, and the recent flags and removals.
struct SuccessionView {
    let title = "Succession"
    let heading = "Succession pipeline"
    let crumbs = [Crumb("Home", SiteURL.home.path), Crumb("Succession")]
    let actionHref = SiteURL.succession.path
    let csvHref = SiteURL.successionCSV.path
    let lines: [Line]
    let hasLines: Bool
    let people: [Flagged]
    let hasPeople: Bool
    let outside: [Flagged]
    let hasOutside: Bool
    let search: String
    let found: [Candidate]
    let searched: Bool
    let history: [String]
    let csrf: String

    struct Line { let competency: String; let assessed: Int; let cells: [String] }
    struct Flagged { let name: String; let href: String; let department: String; let level: Int; let flagged: String; let inProgramme: String; let removeHref: String }
    struct Candidate { let id: String; let name: String; let department: String; let flagged: Bool }

    init(_ pipeline: SuccessionPipeline, found: [Person], search: String, history: [AdministrativeChange], csrf: String) {
        lines = pipeline.lines.map { line in
            Line(competency: line.competency.name, assessed: line.assessed,
                 cells: SuccessionPipeline.Readiness.allCases.map { band in (line.bands[band] ?? nil).map { $0.formatted() } ?? "hidden" })
        }
        hasLines = !lines.isEmpty
        func flagged(_ high: HighPotential) -> Flagged {
            Flagged(name: high.person.name, href: SiteURL.person(.value(high.person.id)).path, department: high.person.department, level: high.person.level,
                    flagged: "\(high.flagged.by), \(high.flagged.at.shownDay)", inProgramme: high.inProgramme ? "yes" : "not yet",
                    removeHref: SiteURL.removeHighPotential(.value(high.person.id)).path)
        }
        people = pipeline.highPotentials.map(flagged)
        hasPeople = !people.isEmpty
        outside = pipeline.notInProgramme.map(flagged)
        hasOutside = !outside.isEmpty
        self.search = search
        let flaggedIDs = Set(pipeline.highPotentials.map(\.person.id))
        self.found = found.map { Candidate(id: $0.id.description, name: $0.name, department: $0.department, flagged: flaggedIDs.contains($0.id)) }
        searched = !search.trimmingCharacters(in: .whitespaces).isEmpty
        self.history = history.map { "\($0.subject) \($0.kind.words) by \($0.attribution.by), \($0.attribution.at.shownDay)" }
        self.csrf = csrf
    }
}
