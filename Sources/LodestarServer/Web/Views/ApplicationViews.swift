import Foundation
import LodestarCore

/// A cycle's applications for its managers: counts by state as filters, the forms that invite
/// (a directory search, a CSV file), and each application with its decision buttons.
struct ApplicationsView {
    let title: String
    let crumbs: [Crumb]
    let heading = "Applications"
    let lead: String
    /// Invitations and decisions are open: the cycle is draft or enrolling.
    let open: Bool
    let invitedMessage: String?
    let problem: String?
    let refusedFile: String?
    let issues: [CSVIssueRows.Row]
    let issueCount: String
    let filters: [Filter]
    let search: String
    let searchHref: String
    let found: [Found]
    let searched: Bool
    let inviteHref: String
    let fileHref: String
    let applications: [Line]
    let paging: Paging
    let csrf: String

    struct Filter { let label: String; let href: String; let current: Bool }
    struct Found { let id: String; let name: String; let detail: String }
    struct Line {
        let href: String
        let name: String
        let role: String
        let state: String
        let words: String
        let applied: String
        let offer: String
        let motivation: String?
        let decisionHref: String
        let decisions: [Decision]
    }
    struct Decision { let value: String; let label: String }

    init(_ board: ApplicationBoard, state: ApplicationState?, search: String, found: [Person], invited: (String?, String?),
         problem: String?, refused: (String, CSVImportError)?, csrf: String) {
        let (cycle, programme) = (board.cycle, board.programme)
        let path = SiteURL.cycle(.value(cycle.id), .applications).path
        title = "Applications · \(cycle.name)"
        crumbs = Crumb.toCycle(programme.name, cycle, programmeHref: SiteURL.programme(.value(programme.id)).path)
        open = cycle.takesEnrolments
        let closes = cycle.dates.applicationsClose.map { "Applications close on \(CycleDates.day($0))." } ?? "No closing day is set (the cycle's dates set one)."
        lead = open ? "\(cycle.name) is \(cycle.state.rawValue). \(cycle.state == .draft ? "Invitations can go out now; people apply once it opens for enrolment. " : "")\(closes) Only accepted applicants are enrolled."
            : "\(cycle.name) is \(cycle.state.rawValue): applications closed when matching began. This is their record."
        if let count = invited.0.flatMap(Int.init) {
            let already = invited.1.flatMap(Int.init) ?? 0
            invitedMessage = "Invited \(count) \(count == 1 ? "person" : "people")." + (already > 0 ? " \(already) \(already == 1 ? "was" : "were") invited, applying or enrolled already, and left as they are." : "")
        } else {
            invitedMessage = nil
        }
        self.problem = problem
        refusedFile = refused?.0
        (issues, issueCount) = refused.map { CSVIssueRows.first($0.1.issues) } ?? ([], "")
        let total = board.counts.values.reduce(0, +)
        filters = [Filter(label: "All \(total)", href: path, current: state == nil)]
            + [ApplicationState.applied, .waitlisted, .invited, .accepted, .declined, .withdrawn].map { each in
                Filter(label: "\(each.rawValue.capitalisedFirst) \(board.counts[each] ?? 0)", href: SiteURL.link(path, [URLQueryItem(name: "state", value: each.rawValue)]),
                       current: state == each)
            }
        self.search = search
        searchHref = path
        self.found = found.map { Found(id: $0.id.description, name: $0.name, detail: [$0.title, $0.department].filter { !$0.isEmpty }.joined(separator: ", ")) }
        searched = !search.trimmingCharacters(in: .whitespaces).isEmpty
        inviteHref = SiteURL.cycle(.value(cycle.id), .invitations).path
        fileHref = SiteURL.cycle(.value(cycle.id), .invitationFile).path
        let open = open
        applications = board.applications.items.map { named in
            let application = named.application
            return Line(href: SiteURL.application(.value(application.id)).path, name: named.person.name, role: application.role.rawValue,
                        state: application.state.rawValue, words: application.state.words,
                        applied: application.appliedAt.map { $0.formatted(date: .abbreviated, time: .omitted) } ?? "—",
                        offer: application.profile.map { ApplicationView.offer($0, role: application.role) } ?? "",
                        motivation: application.motivation.isEmpty ? nil : application.motivation, decisionHref: SiteURL.application(.value(application.id), .decision).path,
                        decisions: open && application.state.awaitsDecision ? ApplicationView.decisions(except: application.state) : [])
        }
        paging = Paging(board.applications, path: path, query: ["state": state?.rawValue ?? ""])
        self.csrf = csrf
    }
}

/// One application: for its applicant, the form (their profile and why) with withdrawing; for
/// the programme's managers, what was sent, with the decision buttons.
struct ApplicationView {
    let title: String
    let crumbs: [Crumb]
    let heading: String
    let lead: String
    let state: String
    let words: String
    let mine: Bool
    /// The applicant may send the form now.
    let canApply: Bool
    let closedReason: String?
    let canWithdraw: Bool
    let formHref: String
    let withdrawHref: String
    let decisionHref: String
    let decisions: [ApplicationsView.Decision]
    let fields: [ProfileFormView.Field]
    let motivation: String
    let motivationProblem: String?
    let general: [String]
    let record: [Fact]
    let csrf: String

    struct Fact { let label: String; let value: String }

    init(_ page: ApplicationPage, mine: Bool, values: [String: String], issues: [FieldIssue], now: Date, csrf: String) {
        let (application, cycle, programme) = (page.application, page.cycle, page.programme)
        let role = application.role
        title = "Application · \(programme.name)"
        heading = mine ? "Apply as a \(role.rawValue)" : "\(page.person.name) — \(role.rawValue) application"
        crumbs = mine ? [Crumb("Home", SiteURL.home.path), Crumb(cycle.place(in: programme))]
            : Crumb.toCycle(programme.name, cycle, programmeHref: SiteURL.programme(.value(programme.id)).path) + [Crumb("Applications", SiteURL.cycle(.value(cycle.id), .applications).path)]
        let closes = cycle.dates.applicationsClose.map { " Applications close on \(CycleDates.day($0))." } ?? ""
        lead = "\(cycle.place(in: programme)): \(programme.objectives)\(closes)"
        state = application.state.rawValue
        words = application.state.words
        self.mine = mine
        let enrolling = cycle.state == .enrolling && cycle.dates.takeApplications(at: now)
        canApply = mine && application.state.takesApplication && enrolling
        closedReason = !mine || !application.state.takesApplication || enrolling ? nil
            : cycle.state == .draft ? "\(cycle.name) opens for applications soon: come back when it is enrolling."
            : cycle.state == .enrolling ? "Applications closed on \(cycle.dates.applicationsClose.map(CycleDates.day) ?? "")." : "Matching has begun; applications are closed."
        canWithdraw = mine && application.state.withdrawable && cycle.takesEnrolments
        formHref = SiteURL.application(.value(application.id)).path
        withdrawHref = SiteURL.application(.value(application.id), .withdraw).path
        decisionHref = SiteURL.application(.value(application.id), .decision).path
        decisions = !mine && application.state.awaitsDecision && cycle.takesEnrolments ? Self.decisions(except: application.state) : []
        fields = ProfileFormView.fields(for: role, values: values, issues: issues)
        motivation = values["motivation"] ?? ""
        let byField = ValidationError(issues).messagesByField
        motivationProblem = byField["motivation"]
        general = issues.filter { !ProfileFields.names.contains($0.field) && $0.field != "motivation" }.map(\.message)
        var record = [Fact(label: "Invited", value: "by \(application.invited.by), \(application.invited.at.formatted(date: .abbreviated, time: .omitted))")]
        if let applied = application.appliedAt { record.append(Fact(label: "Applied", value: applied.formatted(date: .abbreviated, time: .shortened))) }
        if let decided = application.decided { record.append(Fact(label: application.state == .withdrawn ? "Withdrawn" : "Decided", value: "by \(decided.by), \(decided.at.formatted(date: .abbreviated, time: .omitted))")) }
        if !mine, let profile = application.profile {
            record.append(Fact(label: role == .mentor ? "Offers" : "Wants to develop", value: Self.offer(profile, role: role)))
            record.append(Fact(label: "Available", value: ProfileFields.text(of: profile)["availability"] ?? ""))
            if !application.motivation.isEmpty { record.append(Fact(label: "Why", value: application.motivation)) }
        }
        self.record = record
        self.csrf = csrf
    }

    /// What an applicant brings or wants, in a line.
    static func offer(_ profile: MentoringProfile, role: EnrolmentRole) -> String {
        switch role {
        case .mentor: profile.skills.map { "\($0.competency) \($0.proficiency)/5" }.joined(separator: ", ") + (profile.capacity.map { " · up to \($0) mentee\($0 == 1 ? "" : "s")" } ?? "")
        case .mentee: profile.developmentGoals.sorted { $0.priority < $1.priority }.map(\.competency).joined(separator: ", ")
        }
    }

    /// The decisions a manager can make on an application now in `state`.
    static func decisions(except state: ApplicationState) -> [ApplicationsView.Decision] {
        [(ApplicationState.accepted, "Accept"), (.waitlisted, "Waitlist"), (.declined, "Decline")].filter { $0.0 != state }
            .map { ApplicationsView.Decision(value: $0.0.rawValue, label: $0.1) }
    }
}
