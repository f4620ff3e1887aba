import Foundation
import LodestarCore

/// A programme's outcome lift: retention and promotion of its mentees against comparable people,
/// as a chart and a table, how the comparison was made, and what it rests on.
struct OutcomeLiftView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let method: String
    let csvHref: String
    let measures: [Measure]
    let chart: CycleDashboardView.Chart?
    let cohorts: [Cohort]
    let hasCohorts: Bool
    let coverage: String
    let notes: [String]
    /// Admins import the HR file from here.
    let importHref: String?

    struct Measure {
        let label: String
        let cells: [String]
        let verdict: String
        let enough: Bool
    }

    struct Cohort { let name: String; let href: String; let start: String; let mentees: Int }

    init(_ lift: ProgrammeLift, for principal: Principal) {
        let programme = lift.programme
        title = "Outcomes · \(programme.name)"
        heading = "Did the mentees of \(programme.name) stay and grow?"
        crumbs = [Crumb("Home", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path),
                  Crumb("Dashboard", SiteURL.programmeDashboard(.value(programme.id)).path), Crumb("Outcomes")]
        method = OutcomeLift.method
        csvHref = SiteURL.programmeOutcomesCSV(.value(programme.id)).path
        measures = lift.lift.findings.map { Self.measure($0.outcome, $0.finding) }
        var bars: [BarChart.Bar] = []
        for (outcome, finding) in lift.lift.findings {
            guard let measure = finding.measure else { continue }
            bars.append(BarChart.Bar(label: "Mentees · \(outcome.shortLabel)", value: measure.participantRate * 100, written: Self.percent(measure.participantRate)))
            bars.append(BarChart.Bar(label: "Comparable · \(outcome.shortLabel)", value: measure.comparisonRate * 100, written: Self.percent(measure.comparisonRate)))
        }
        chart = bars.isEmpty ? nil : CycleDashboardView.Chart(BarChart(id: "lift", title: "Mentees and comparable people, share of each", bars: bars))
        cohorts = lift.cohorts.map { Cohort(name: $0.cycle.name, href: SiteURL.cycle(.value($0.cycle.id), .dashboard).path, start: $0.start.shownDay, mentees: $0.mentees) }
        hasCohorts = !cohorts.isEmpty
        coverage = OutcomesView.coverage(lift.record)
        var notes: [String] = []
        if lift.lift.withoutRecord > 0 {
            notes.append("\(lift.lift.withoutRecord) mentee\(lift.lift.withoutRecord == 1 ? " is" : "s are") left out: the HR outcomes do not list them, or list them as gone before their cycle began.")
        }
        if lift.lift.withoutComparison > 0 {
            notes.append("\(lift.lift.withoutComparison) mentee\(lift.lift.withoutComparison == 1 ? " is" : "s are") left out: no one who did not take part shares their level band, department and tenure band.")
        }
        self.notes = notes
        importHref = principal.isAdmin ? SiteURL.outcomes.path : nil
    }

    private static func measure(_ outcome: OutcomeLift.Outcome, _ finding: OutcomeLift.Finding) -> Measure {
        switch finding {
        case .measured(let m):
            let interval = "\(points(m.low)) to \(points(m.high))"
            let verdict = m.low > 0 ? "Higher than comparable people: the whole 95 % interval lies above zero."
                : m.high < 0 ? "Lower than comparable people: the whole 95 % interval lies below zero."
                : "No clear difference: the 95 % interval includes zero."
            return Measure(label: outcome.label, cells: [m.participants.formatted(), percent(m.participantRate), m.comparison.formatted(), percent(m.comparisonRate),
                                                         points(m.difference), interval], verdict: verdict, enough: true)
        case .notEnoughData(let participants, let comparison):
            return Measure(label: outcome.label, cells: [],
                           verdict: "Not enough data: \(participants) mentee\(participants == 1 ? "" : "s") and \(comparison) comparable \(comparison == 1 ? "person" : "people"); a figure needs at least \(OutcomeLift.minimumGroup) of each.",
                           enough: false)
        }
    }

    static func percent(_ share: Double) -> String { "\((share * 100).written(decimals: 1)) %" }
    static func points(_ share: Double) -> String { (share >= 0 ? "+" : "−") + "\((abs(share) * 100).written(decimals: 1)) points" }
}

/// The HR outcomes page: what the imported file covers, its columns, and the upload form —
/// with the import's result or every problem of a refused file.
struct OutcomesView {
    let title = "HR outcomes"
    let heading = "HR outcomes"
    let crumbs = [Crumb("Home", SiteURL.home.path), Crumb("HR outcomes")]
    let coverage: String
    let actionHref = SiteURL.outcomes.path
    let imported: String?
    let refused: String?
    let issues: [CSVIssueRows.Row]
    let programmes: [Crumb]
    let hasProgrammes: Bool
    let csrf: String

    init(_ record: OutcomeImportRecord, programmes: [Programme], csrf: String, imported: String? = nil, refused: CSVImportError? = nil) {
        self.csrf = csrf
        coverage = Self.coverage(record)
        self.imported = imported
        let (rows, count) = refused.map { CSVIssueRows.first($0.issues) } ?? ([], "")
        self.refused = refused == nil ? nil : "Nothing was written: \(count) in the file. Fix the file and upload it again — the whole file is imported or none of it."
        issues = rows
        self.programmes = programmes.map { Crumb($0.name, SiteURL.programmeOutcomes(.value($0.id)).path) }
        hasProgrammes = !programmes.isEmpty
    }

    static func coverage(_ record: OutcomeImportRecord) -> String {
        guard let imported = record.imported else { return "No HR outcomes have been imported yet: an admin imports them on the HR outcomes page." }
        return "The HR outcomes cover \(record.people.formatted()) \(record.people == 1 ? "person" : "people"); last imported by \(imported.by) on \(imported.at.shownDay)."
    }
}
