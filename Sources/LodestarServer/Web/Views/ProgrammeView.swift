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
    /// For its managers and admins.
    let managers: ManagersView?
    /// For its managers and admins: the readiness check's scores.
    let readiness: ReadinessSummary?
    /// Its managers change it and open its cycles; admins also start another programme from it.
    let mayManage: Bool
    /// Its managers change it while it is not archived.
    let mayChange: Bool
    let mayCopy: Bool
    /// "Archived on 1 Dec 2026 …", while it is.
    let archived: String?
    let archiveHref: String
    /// For its managers: the messages sent about it.
    let messagesHref: String
    let trainingHref: String
    let surveysHref: String
    let dashboardHref: String
    let restoreHref: String
    let editHref: String
    let copyHref: String
    let cyclesHref: String
    let nextCycle: String
    let stories: StoryLines
    let kudos: KudosLines
    let csrf: String

    /// Why archiving or restoring was refused, at the top.
    let refusal: String?

    /// The page; `problem` and `email` refill the appointment form that was refused.
    init(_ page: ProgrammePage, for principal: Principal, csrf: String, problem: String? = nil, email: String = "", refusal: String? = nil) {
        self.refusal = refusal
        let programme = page.programme
        title = programme.name
        name = programme.name
        objectives = programme.objectives
        format = programme.format.label
        durationWeeks = programme.durationWeeks
        cadence = programme.cadence.rawValue
        competencies = page.competencies
        cycles = page.cycles.map { CycleSummary($0.cycle, counts: $0.counts) }
        readiness = page.readiness.map(ReadinessSummary.init)
        hours = page.totals.map { totals in
            Double.hours(minutes: totals.minutes) + " hours of mentoring in \(totals.meetings) meeting\(totals.meetings == 1 ? "" : "s")"
                + " across \(totals.relationships) relationship\(totals.relationships == 1 ? "" : "s")"
        }
        mayManage = principal.manages(programme.id)
        mayChange = mayManage && programme.archivedAt == nil
        archived = programme.archivedAt.map { "Archived on \($0.shownDay): kept for the record; restore it to change it or open a cycle." }
        archiveHref = SiteURL.archiveProgramme(.value(programme.id)).path
        messagesHref = SiteURL.programmeMessages(.value(programme.id)).path
        trainingHref = SiteURL.programmeTraining(.value(programme.id)).path
        surveysHref = SiteURL.programmeSurveys(.value(programme.id)).path
        dashboardHref = SiteURL.programmeDashboard(.value(programme.id)).path
        restoreHref = SiteURL.restoreProgramme(.value(programme.id)).path
        mayCopy = principal.isAdmin
        editHref = SiteURL.editProgramme(.value(programme.id)).path
        copyHref = SiteURL.newProgramme.with([URLQueryItem(name: "from", value: programme.id.description)])
        cyclesHref = SiteURL.programmeCycles(.value(programme.id)).path
        nextCycle = "Cycle \((page.cycles.map(\.cycle.number).max() ?? 0) + 1)"
        stories = StoryLines(featured: page.stories, toFeature: page.storiesToFeature)
        kudos = KudosLines(page.kudos, toggles: false)
        self.csrf = csrf
        managers = page.managers.map {
            ManagersView(programme: programme.id, managers: $0, changes: page.changes ?? [], for: principal, csrf: csrf, problem: problem, email: email)
        }
    }
}
