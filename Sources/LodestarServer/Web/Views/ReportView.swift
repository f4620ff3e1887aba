import Foundation
import LodestarCore

/// A one-page report of a cycle or a programme for leadership: the headline figures, the charts,
/// every indicator and what else it rests on — printed from the browser, downloaded as a PDF, or
/// written by `lodestar report --format html`. One view for all three.
struct ReportView {
    let title: String
    let heading: String
    let subtitle: String
    let prepared: String
    let headlines: [CycleDashboardView.Line]
    let hasHeadlines: Bool
    let charts: [CycleDashboardView.Chart]
    let columns: [String]
    let rows: [Row]
    let notesHeading: String
    let notes: [String]
    let hasNotes: Bool
    /// The browser's links back and to the PDF; none in a file.
    var links: [Crumb] = []
    /// The stylesheet, linked in the browser or written into a file that stands alone.
    var styleSheet = SiteURL.styleSheet.path
    var inlineStyle: String?

    struct Row { let label: String; let values: [String] }

    /// The indicators the report leads with.
    static let headlineKeys = ["mentees-enrolled", "match-rate", "met-within-14-days", "mentoring-hours", "goal-completion", "pulse",
                               "net-promoter-score", "growth-self"]

    init(_ indicators: CycleIndicators, now: Date) {
        let (cycle, programme) = (indicators.cycle, indicators.programme)
        title = "Report · \(cycle.place(in: programme))"
        heading = "What \(cycle.name) achieved"
        subtitle = "\(programme.name) · \(programme.format.label) · \(cycle.period ?? "dates not set") · \(cycle.state.rawValue)"
        prepared = "Prepared \(now.shownDay) by Lodestar. Counts and figures only: nothing anyone wrote is read here."
        let table = Dictionary(uniqueKeysWithValues: indicators.table.map { ($0.key, $0) })
        headlines = Self.headlineKeys.compactMap { table[$0] }.map { CycleDashboardView.Line(label: $0.label, value: $0.written) }
        hasHeadlines = !headlines.isEmpty
        let dashboard = CycleDashboardView(indicators)
        charts = [dashboard.funnel, dashboard.scores]
        columns = ["Value"]
        rows = indicators.table.map { Row(label: $0.label, values: [$0.written]) }
        notesHeading = "Relationships ended early"
        notes = indicators.earlyEndings.map { "\($0.count) · \($0.reason)" }
        hasNotes = !notes.isEmpty
    }

    init(_ indicators: ProgrammeIndicators, lift: ProgrammeLift, now: Date) {
        let programme = indicators.programme
        title = "Report · \(programme.name)"
        heading = "What \(programme.name) achieved, cycle by cycle"
        subtitle = "\(programme.format.label) · \(indicators.cycles.count) cycle\(indicators.cycles.count == 1 ? "" : "s")"
        prepared = "Prepared \(now.shownDay) by Lodestar. Counts and figures only: nothing anyone wrote is read here."
        headlines = []
        hasHeadlines = false
        charts = ProgrammeDashboardView(indicators).charts
        columns = indicators.cycles.map(\.cycle.name)
        rows = indicators.lines.map { Row(label: $0.label, values: $0.values.map { $0?.written ?? "—" }) }
        notesHeading = "Outcomes against comparable people"
        notes = lift.lift.findings.map { outcome, finding in
            guard let m = finding.measure else {
                return "\(outcome.label): not enough data (a figure needs at least \(OutcomeLift.minimumGroup) mentees and \(OutcomeLift.minimumGroup) comparable people)."
            }
            return "\(outcome.label): mentees \(OutcomeLiftView.percent(m.participantRate)) against \(OutcomeLiftView.percent(m.comparisonRate)) of comparable people, "
                + "\(OutcomeLiftView.points(m.difference)) (95 % interval \(OutcomeLiftView.points(m.low)) to \(OutcomeLiftView.points(m.high)))."
        }
        hasNotes = true
    }
}
