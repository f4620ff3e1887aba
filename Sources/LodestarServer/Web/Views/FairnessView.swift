import Foundation
import LodestarCore

/// A cycle's fairness audit: a table per dimension, a line per group, small groups hidden.
struct FairnessView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let csvHref: String
    let dimensions: [Dimension]
    /// What the matching priority did to the published plan, when there was one.
    let priority: String?

    struct Dimension { let name: String; let groups: [Group]; let hasGroups: Bool }
    struct Group { let label: String; let hidden: Bool; let cells: [String] }

    init(_ audit: FairnessAudit) {
        let (cycle, programme) = (audit.cycle, audit.programme)
        title = "Fairness · \(cycle.place(in: programme))"
        heading = "How matching served each group in \(cycle.name)"
        crumbs = [Crumb("Home", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path),
                  Crumb(cycle.name, SiteURL.cycle(.value(cycle.id)).path), Crumb("Dashboard", SiteURL.cycle(.value(cycle.id), .dashboard).path)]
        csvHref = SiteURL.cycle(.value(cycle.id), .fairnessCSV).path
        priority = audit.priority.map { "When the plan was published — \($0.summary)" }
        dimensions = audit.dimensions.map { dimension in
            Dimension(name: dimension.name, groups: dimension.groups.map { group in
                guard let figures = group.figures else { return Group(label: group.label, hidden: true, cells: []) }
                func count(_ value: Int?) -> String { value.map { $0.formatted() } ?? "hidden" }
                func figure(_ value: Double?, _ decimals: Int) -> String { value.map { $0.written(decimals: decimals) } ?? "—" }
                return Group(label: group.label, hidden: false, cells: [
                    count(figures.applicants), count(figures.mentors), figures.mentees.formatted(), figures.matched.formatted(),
                    figures.matchRate.map { "\(($0 * 100).written(decimals: 1)) %" } ?? "—", figure(figures.meanScore, 1), figure(figures.lowestScore, 1),
                    figures.meanPulse.map { "\($0.written(decimals: 2)) (\(figures.pulses))" } ?? "—", figures.endedEarly.formatted(), figure(figures.medianDaysToMatch, 1),
                ])
            }, hasGroups: !dimension.groups.isEmpty)
        }
    }
}
