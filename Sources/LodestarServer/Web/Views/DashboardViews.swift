import Foundation
import LodestarCore

/// A cycle's dashboard: the mentees' funnel and the match scores as charts with their tables,
/// every indicator, and the early endings by reason.
struct CycleDashboardView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let lead: String
    let csvHref: String
    let reportHref: String
    let weeksHref: String
    let fairnessHref: String
    let distributionsHref: String
    let funnel: Chart
    let scores: Chart
    /// Satisfaction, pulses and growth, each while it has enough to show.
    let distributions: [Chart]
    /// Meetings and pulses week by week; none before the cycle starts.
    let trends: [Chart]
    let indicators: [Line]
    let endings: [Line]
    let hasEndings: Bool

    struct Line { let label: String; let value: String }

    /// A chart and the table that says the same.
    struct Chart {
        let svg: String
        let caption: String
        let lines: [Line]
        /// The bars themselves, for a report drawn without SVG (the PDF).
        let bars: [BarChart.Bar]

        init(_ chart: BarChart) {
            svg = chart.svg
            caption = chart.title
            lines = chart.bars.map { Line(label: $0.label, value: $0.written) }
            bars = chart.bars
        }
    }

    init(_ indicators: CycleIndicators) {
        let (cycle, programme) = (indicators.cycle, indicators.programme)
        title = "Dashboard · \(cycle.place(in: programme))"
        heading = "What \(cycle.name) achieved"
        crumbs = [Crumb("Home", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path),
                  Crumb("Dashboard", SiteURL.programmeDashboard(.value(programme.id)).path), Crumb(cycle.name, SiteURL.cycle(.value(cycle.id)).path)]
        lead = cycle.state == .closed
            ? "The cycle as it stood when it closed. Counts and figures only: nothing anyone wrote is read here."
            : "The cycle so far (it is \(cycle.state.rawValue)). Counts and figures only: nothing anyone wrote is read here."
        csvHref = SiteURL.cycle(.value(cycle.id), .dashboardCSV).path
        reportHref = SiteURL.cycle(.value(cycle.id), .report).path
        weeksHref = SiteURL.cycle(.value(cycle.id), .weeksCSV).path
        fairnessHref = SiteURL.cycle(.value(cycle.id), .fairness).path
        funnel = Chart(BarChart(id: "funnel", title: "Mentees from applying to \(indicators.completedMentees == nil ? "meeting" : "completing")",
                                bars: indicators.funnel.map { BarChart.Bar(label: $0.stage.capitalisedFirst, value: Double($0.count), written: $0.count.formatted()) }))
        distributionsHref = SiteURL.cycle(.value(cycle.id), .distributionsCSV).path
        func chart(_ distribution: CycleIndicators.Distribution) -> Chart {
            Chart(BarChart(id: distribution.key, title: distribution.title,
                           bars: distribution.bands.map { BarChart.Bar(label: $0.label, value: Double($0.count), written: $0.count.formatted()) }))
        }
        scores = chart(indicators.scoreDistribution)
        distributions = indicators.feedbackDistributions.map(chart)
        let weeks = indicators.weeks
        /// A chart with a bar per week.
        func trend(_ id: String, _ title: String, _ bar: (CycleIndicators.Week) -> (value: Double, written: String)) -> Chart {
            Chart(BarChart(id: id, title: title, bars: weeks.map { week in
                let (value, written) = bar(week)
                return BarChart.Bar(label: "Week \(week.number) · \(week.starts.shownDay)", value: value, written: written)
            }))
        }
        trends = weeks.isEmpty ? [] : [
            trend("weekly-meetings", "Meetings held, week by week") { (Double($0.meetings), $0.meetings.formatted()) },
            trend("weekly-pulse", "How meetings felt (mean pulse of 5), week by week") { week in
                (week.meanPulse ?? .nan, week.meanPulse.map { "\($0.written(decimals: 2)) (\(week.pulses))" } ?? "—")
            },
            trend("weekly-health", "Relationships on track by the rhythm of their meetings, at each week's end") { week in
                ((week.onTrackShare ?? .nan) * 100, week.onTrackShare.map { "\(($0 * 100).written(decimals: 0)) % (\(week.onTrack) of \(week.running))" } ?? "—")
            },
        ]
        self.indicators = indicators.table.map { Line(label: $0.label, value: $0.written) }
        endings = indicators.earlyEndings.map { Line(label: $0.reason, value: $0.count.formatted()) }
        hasEndings = !endings.isEmpty
    }
}

/// The organisation's dashboard: every programme the reader manages side by side, each over all its
/// cycles, and all of them together, with two charts.
struct OrganisationDashboardView {
    let title = "Dashboard · the organisation"
    let heading = "What the programmes achieved"
    let crumbs = [Crumb("Home", SiteURL.home.path), Crumb("Dashboard")]
    let csvHref = SiteURL.organisationDashboardCSV.path
    let programmes: [Crumb]
    let lines: [ProgrammeDashboardView.Line]
    let charts: [CycleDashboardView.Chart]
    let hasProgrammes: Bool

    init(_ indicators: OrganisationIndicators) {
        programmes = indicators.programmes.map { Crumb($0.programme.name, SiteURL.programmeDashboard(.value($0.programme.id)).path) }
        let tables = indicators.programmes.map(\.totals.table) + [indicators.all.table]
        lines = indicators.all.table.indices.map { index in ProgrammeDashboardView.Line(label: indicators.all.table[index].label, values: tables.map { $0[index].written }) }
        func byProgramme(_ id: String, _ title: String, _ key: String) -> CycleDashboardView.Chart {
            CycleDashboardView.Chart(BarChart(id: id, title: title, bars: indicators.programmes.map { entry in
                let line = entry.totals.table.first { $0.key == key }
                return BarChart.Bar(label: entry.programme.name, value: line?.value ?? .nan, written: line?.written ?? "—")
            }))
        }
        charts = [byProgramme("programme-matched", "Mentees matched, by programme", "match-rate"),
                  byProgramme("programme-hours", "Mentoring hours, by programme", "mentoring-hours")]
        hasProgrammes = !indicators.programmes.isEmpty
    }
}

/// A programme's dashboard: its cycles side by side, indicator by indicator, with two charts.
struct ProgrammeDashboardView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let csvHref: String
    let outcomesHref: String
    let reportHref: String
    let cycles: [Crumb]
    let lines: [Line]
    let charts: [CycleDashboardView.Chart]
    let hasCycles: Bool

    struct Line { let label: String; let values: [String] }

    init(_ indicators: ProgrammeIndicators) {
        let programme = indicators.programme
        title = "Dashboard · \(programme.name)"
        heading = "What \(programme.name) achieved, cycle by cycle"
        crumbs = [Crumb("Home", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path), Crumb("Dashboard")]
        csvHref = SiteURL.programmeDashboardCSV(.value(programme.id)).path
        outcomesHref = SiteURL.programmeOutcomes(.value(programme.id)).path
        reportHref = SiteURL.programmeReport(.value(programme.id)).path
        cycles = indicators.cycles.map { Crumb($0.cycle.name, SiteURL.cycle(.value($0.cycle.id), .dashboard).path) }
        lines = indicators.lines.map { line in Line(label: line.label, values: line.values.map { $0?.written ?? "—" }) }
        func byCycle(_ id: String, _ title: String, _ share: (CycleIndicators) -> Double?) -> CycleDashboardView.Chart {
            CycleDashboardView.Chart(BarChart(id: id, title: title, bars: indicators.cycles.map { cycle in
                let value = share(cycle).map { $0 * 100 }
                return BarChart.Bar(label: cycle.cycle.name, value: value ?? 0, written: value.map { "\($0.written(decimals: 1)) %" } ?? "—")
            }))
        }
        charts = [byCycle("matched", "Mentees matched, by cycle", \.matchRate), byCycle("met", "Relationships that met within 14 days, by cycle", \.metWithin14Days)]
        hasCycles = !indicators.cycles.isEmpty
    }
}
