import Foundation
import LodestarCore

/// A programme's page: what it is for, how it runs, and its cycles.
struct ProgrammeView {
    let title: String
    let crumbs = [Crumb("Programmes", SiteURL.home.path)]
    let name: String
    let objectives: String
    let format: String
    let durationWeeks: Int
    let cadence: String
    let competencies: [String]
    let cycles: [CycleSummary]
    /// For its managers: the mentoring hours held in all the programme's relationships.
    let hours: String?

    init(_ page: ProgrammePage) {
        let programme = page.programme
        title = programme.name
        name = programme.name
        objectives = programme.objectives
        format = programme.format.label
        durationWeeks = programme.durationWeeks
        cadence = programme.cadence.rawValue
        competencies = page.competencies
        cycles = page.cycles.map { CycleSummary($0.cycle, counts: $0.counts) }
        hours = page.totals.map { totals in
            Double.hours(minutes: totals.minutes) + " hours of mentoring in \(totals.meetings) meeting\(totals.meetings == 1 ? "" : "s")"
                + " across \(totals.relationships) relationship\(totals.relationships == 1 ? "" : "s")"
        }
    }
}
