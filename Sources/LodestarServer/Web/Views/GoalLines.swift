import Foundation
import LodestarCore

/// The workspace's goals as shown: each with its forms (progress, revision, state) while open,
/// its version history, and the form to set a new one — from a development goal of the profile.
struct GoalLines {
    let lines: [GoalLine]
    /// Development goals of the mentee's profile no open goal builds yet, each a link that fills the form.
    let fromProfile: [Crumb]
    let newGoal: NewGoal
    let problems: [String]

    struct GoalLine {
        let href: String
        let reviseHref: String
        let stateHref: String
        /// The version shown, sent back so that a change made since is not overwritten unseen.
        let version: Int
        let title: String
        let measure: String
        let competency: String?
        let competencies: [Option]
        let due: String
        let dueValue: String
        let progress: Int
        let overdue: Bool
        /// Open and in an open relationship: it can be progressed, revised, achieved or dropped.
        let changeable: Bool
        /// "achieved" or "dropped", with its note; nil while open.
        let state: String?
        let stateNote: String
        /// Reopening a closed goal, in an open relationship.
        let reopenable: Bool
        let summary: String
        let history: [String]
        let actions: [ActionLine]
        let milestones: [MilestoneLine]
    }
    struct Option { let value: String; let label: String; let selected: Bool }
    struct ActionLine { let index: Int; let text: String; let owner: String; let due: String; let done: Bool }
    struct MilestoneLine { let index: Int; let title: String; let due: String; let reached: String?; let late: Bool }
    struct NewGoal { let open: Bool; let title: String; let measure: String; let due: String; let competencies: [Option] }

    init(_ contents: RelationshipWorkspace.Contents, relationshipOpen: Bool, names: [Person.ID: String], now: Date,
         problems: [String: String], form: [String: String]) {
        let relationship = contents.relationship
        let catalogue = contents.competencies
        let competencyName = Dictionary(catalogue.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        func options(_ selected: String?) -> [Option] {
            [Option(value: "", label: "none", selected: selected == nil)] + catalogue.map { Option(value: $0.slug, label: $0.name, selected: $0.slug == selected) }
        }
        func day(_ date: Date) -> String { date.formatted(date: .abbreviated, time: .omitted) }
        lines = contents.goals.map { goal, history in
            let changes = zip(history.dropFirst(), history).map { version, previous in
                "Version \(version.version), \(day(version.editedAt)), \(names[version.editedBy] ?? "?"): " + version.changes(since: previous).joined(separator: "; ")
            }
            let first = history.first.map { "Version 1, \(day($0.editedAt)), \(names[$0.editedBy] ?? "?"): set" }
            return GoalLine(
                href: SiteURL.goal(.value(relationship.id), .value(goal.id)).path,
                reviseHref: SiteURL.goal(.value(relationship.id), .value(goal.id), .revise).path,
                stateHref: SiteURL.goal(.value(relationship.id), .value(goal.id), .state).path,
                version: goal.version, title: goal.title, measure: goal.measure, competency: goal.competency.map { competencyName[$0] ?? $0 },
                competencies: options(goal.competency), due: day(goal.due), dueValue: goal.due.day, progress: goal.progress,
                overdue: goal.isOverdue(at: now), changeable: relationshipOpen && goal.state == .open,
                state: goal.state == .open ? nil : goal.state.rawValue, stateNote: goal.stateNote, reopenable: relationshipOpen && goal.state != .open,
                summary: history.count > 1 ? "\(history.count) versions, last by \(names[goal.editedBy] ?? "?")" : "set by \(names[goal.editedBy] ?? "?")",
                history: (changes.reversed() + [first].compactMap { $0 }),
                actions: goal.actions.enumerated().map { index, action in
                    ActionLine(index: index, text: action.text, owner: names[action.owner] ?? "?", due: day(action.due), done: action.done)
                },
                milestones: goal.milestones.enumerated().map { index, milestone in
                    MilestoneLine(index: index, title: milestone.title, due: day(milestone.due), reached: milestone.reachedOn.map(day),
                                  late: milestone.reachedOn == nil && milestone.due < now)
                })
        }
        fromProfile = contents.developmentGoals.map { slug in
            Crumb(competencyName[slug] ?? slug, SiteURL.relationship(.value(relationship.id)).with([URLQueryItem(name: "goalFrom", value: slug)]) + "#set-goal")
        }
        // A development goal's link fills the form; a refused new goal keeps what was typed (a revision sends `read`).
        let from = form["goalFrom"].flatMap { slug in competencyName[slug].map { (slug, $0) } }
        let typed = form["read"] == nil && form["measure"] != nil ? form : [:]
        newGoal = NewGoal(open: contents.goals.isEmpty || from != nil || typed["title"] != nil,
                          title: from.map { "Grow in \($0.1)" } ?? typed["title"] ?? "", measure: typed["measure"] ?? "", due: typed["due"] ?? "",
                          competencies: options(from?.0 ?? typed["competency"].flatMap { $0.isEmpty ? nil : $0 }))
        self.problems = ["goal", "state", "note", "title", "measure", "competency", "due", "progress", "action", "owner", "actionDue", "milestone", "milestoneDue"]
            .compactMap { field in problems[field].map { "\(field): \($0)" } }
    }
}
