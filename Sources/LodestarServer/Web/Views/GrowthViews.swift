import Foundation
import LodestarCore

/// A mentee's growth: the 360° table (for the mentee) or one's own ratings (mentor, line
/// manager), and a form per moment the cycle takes.
struct GrowthView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let lead: String
    let privacy: String
    let perspectives: [String]
    let lines: [Line]
    let hasRatings: Bool
    let forms: [Form]
    let asked: String?
    let askHref: String?
    let askLabel: String?
    let issues: [String]
    let csrf: String

    struct Line { let name: String; let cells: [String] }
    struct Form { let moment: String; let caption: String; let button: String; let href: String; let competencies: [Rated]; let note: String }
    struct Rated { let slug: String; let name: String; let options: [SurveyView.Option]; let problem: String? }

    init(_ reading: AssessmentReading, entered: (moment: AssessmentMoment, ratings: [String: String], note: String)?, issues: [FieldIssue], asked: String?, csrf: String) {
        let own = reading.perspective == .mentee
        title = "Growth · \(reading.mentee.name)"
        heading = own ? "Your growth" : "\(reading.mentee.name)'s growth"
        crumbs = [Crumb("Home", SiteURL.home.path), Crumb(reading.cycle.place(in: reading.programme))]
        let whom = own ? "yourself" : reading.mentee.name
        lead = "Rate \(whom) on the focus competencies of \(reading.programme.name) at the start of the cycle and at its end: 1 (just beginning) to 5 (a strength)."
        privacy = own
            ? "Your mentor and your line manager see only their own ratings; your programme managers see the cohort's averages, from five mentees up, never yours."
            : "\(reading.mentee.name) sees your ratings beside their own; the programme managers see only the cohort's averages."
        let shown = AssessmentPerspective.allCases.filter { perspective in reading.growth.lines.contains { $0.views.contains { $0.perspective == perspective } } }
        perspectives = shown.map(\.words.capitalisedFirst)
        lines = reading.growth.lines.map { line in
            Line(name: line.name, cells: shown.map { perspective in
                guard let view = line.views.first(where: { $0.perspective == perspective }) else { return "—" }
                let change = view.change.map { " (\($0 > 0 ? "+" : "")\($0))" } ?? ""
                return "\(view.start.map(String.init) ?? "…") → \(view.end.map(String.init) ?? "…")\(change)"
            })
        }
        hasRatings = !shown.isEmpty
        let problems = ValidationError(issues).messagesByField
        forms = reading.openMoments.map { moment in
            let mine = reading.mine.first { $0.moment == moment }
            let typed = entered?.moment == moment ? entered : nil
            return Form(moment: moment.rawValue, caption: moment == .start ? "At the start of the cycle" : "At the end of the cycle", button: "Save the \(moment == .start ? "start" : "end") ratings",
                        href: SiteURL.growth(.value(reading.enrolment.id)).path,
                        competencies: reading.competencies.map { competency in
                            let value = typed?.ratings[competency.slug] ?? mine?.ratings[competency.slug].map(String.init)
                            return Rated(slug: competency.slug, name: competency.name,
                                         options: (1...5).map { SurveyView.Option(value: $0, label: String($0), checked: value == String($0)) },
                                         problem: typed == nil ? nil : problems[competency.slug])
                        }, note: typed?.note ?? mine?.note ?? "")
        }
        self.asked = asked
        askHref = own && reading.lineManager != nil ? SiteURL.askLineManager(.value(reading.enrolment.id)).path : nil
        askLabel = reading.lineManager.map { "Ask \($0.name), your line manager, for their view" }
        self.issues = issues.filter { $0.field == "moment" || $0.field == "note" || $0.field == "lineManager" }.map(\.description)
        self.csrf = csrf
    }
}

/// A cycle's growth for its managers: the mentees' own ratings as means, small groups hidden.
struct CohortGrowthView {
    let title: String
    let heading = "Growth"
    let crumbs: [Crumb]
    let lead: String
    let lines: [Line]

    struct Line { let name: String; let mentees: String; let start: String; let end: String; let change: String }

    init(_ growth: CohortGrowth) {
        title = "Growth · \(growth.cycle.place(in: growth.programme))"
        crumbs = [Crumb("Programmes", SiteURL.home.path), Crumb(growth.programme.name, SiteURL.programme(.value(growth.programme.id)).path),
                  Crumb(growth.cycle.name, SiteURL.cycle(.value(growth.cycle.id)).path)]
        lead = "The mentees' own ratings of the focus competencies, 1 to 5, at the start and the end of the cycle: means over the mentees who rated both, "
            + "shown from \(SmallGroups.minimum) mentees up. One mentee's ratings, their mentor's and their line manager's stay theirs."
        lines = growth.lines.map { line in
            guard let count = line.mentees, let start = line.start, let end = line.end, let change = line.change else {
                return Line(name: line.name, mentees: line.mentees == 0 ? "none yet" : "fewer than \(SmallGroups.minimum)", start: "—", end: "—", change: "—")
            }
            return Line(name: line.name, mentees: String(count), start: start.written(decimals: 2), end: end.written(decimals: 2),
                        change: (change > 0 ? "+" : "") + change.written(decimals: 2))
        }
    }
}
