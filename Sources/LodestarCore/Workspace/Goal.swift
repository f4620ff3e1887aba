import Foundation

/// A development goal a pair works on (M9), SMART: what (specific), how it is measured, the
/// competency it builds, by when; with its progress and the actions that lead there. Every edit
/// is a new version; earlier ones are kept.
public struct Goal: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Goal>

    public var id: ID
    public var relationshipID: Relationship.ID
    public var version: Int
    public var title: String
    public var measure: String
    /// A competency slug, or nil.
    public var competency: String?
    public var due: Date
    /// 0–100.
    public var progress: Int
    public var actions: [Action]
    /// Waypoints on the way to the goal, each with its date and when it was reached.
    public var milestones: [Milestone]
    /// Open while worked on; achieved or dropped, with `stateNote` saying how or why.
    public var state: GoalState
    public var stateNote: String
    public var editedBy: Person.ID
    public var editedAt: Date

    /// A step towards the goal, with who does it and by when.
    public struct Action: Sendable, Equatable, Codable {
        public var text: String
        public var owner: Person.ID
        public var due: Date
        public var done: Bool

        /// Creates an action.
        public init(text: String, owner: Person.ID, due: Date, done: Bool = false) {
            self.text = text
            self.owner = owner
            self.due = due
            self.done = done
        }
    }

    /// A waypoint: what, by when, and when it was reached.
    public struct Milestone: Sendable, Equatable, Codable {
        public var title: String
        public var due: Date
        public var reachedOn: Date?

        /// Creates a milestone.
        public init(title: String, due: Date, reachedOn: Date? = nil) {
            self.title = title
            self.due = due
            self.reachedOn = reachedOn
        }
    }

    /// Creates a version of a goal.
    public init(id: ID = ID(), relationshipID: Relationship.ID, version: Int = 1, title: String, measure: String, competency: String?,
                due: Date, progress: Int = 0, actions: [Action] = [], milestones: [Milestone] = [], state: GoalState = .open, stateNote: String = "",
                editedBy: Person.ID, editedAt: Date) {
        self.id = id
        self.relationshipID = relationshipID
        self.version = version
        self.title = title
        self.measure = measure
        self.competency = competency
        self.due = due
        self.progress = progress
        self.actions = actions
        self.milestones = milestones
        self.state = state
        self.stateNote = stateNote
        self.editedBy = editedBy
        self.editedAt = editedAt
    }

    /// True when the goal is past its date and not reached.
    public func isOverdue(at now: Date) -> Bool { state == .open && progress < 100 && due < now }

    /// True when reached: marked achieved, or (versions before states) at 100 %.
    public var isAchieved: Bool { state == .achieved || (state == .open && progress >= 100) }

    /// What this version changed from the one before, in words ("the title", "progress 20 % → 40 %").
    public func changes(since previous: Goal) -> [String] {
        var changes: [String] = []
        if title != previous.title { changes.append("the title (was “\(previous.title)”)") }
        if measure != previous.measure { changes.append("the measure (was “\(previous.measure)”)") }
        if competency != previous.competency { changes.append("the competency (was \(previous.competency ?? "none"))") }
        if due != previous.due { changes.append("the date (was \(previous.due.formatted(date: .abbreviated, time: .omitted)))") }
        if progress != previous.progress { changes.append("progress \(previous.progress) % → \(progress) %") }
        if actions.count > previous.actions.count { changes.append("a new action") }
        let done = zip(actions, previous.actions).filter { $0.done && !$1.done }.count
        if done > 0 { changes.append(done == 1 ? "an action done" : "\(done) actions done") }
        if milestones.count > previous.milestones.count { changes.append("a new milestone") }
        if milestones.filter({ $0.reachedOn != nil }).count > previous.milestones.filter({ $0.reachedOn != nil }).count { changes.append("a milestone reached") }
        if state != previous.state {
            let how = stateNote.isEmpty ? "" : ": \(stateNote)"
            changes.append(state == .open ? "reopened" + how : "marked \(state.rawValue)" + how)
        }
        return changes.isEmpty ? ["nothing visible"] : changes
    }

    /// The problems of a goal's fields, each named.
    public static func issues(title: String, measure: String, competency: String?, progress: Int, competencies: Set<String>) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: "title", message: "is empty; say specifically what you want to achieve")) }
        if measure.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: "measure", message: "is empty; say how you will know it is achieved")) }
        if let competency, !competencies.contains(competency) {
            issues.append(FieldIssue(field: "competency", message: "'\(competency)' is not a competency of the catalogue"))
        }
        if title.count > 200 { issues.append(FieldIssue(field: "title", message: "is \(title.count) characters; keep it within 200")) }
        if measure.count > 500 { issues.append(FieldIssue(field: "measure", message: "is \(measure.count) characters; keep it within 500")) }
        if !(0...100).contains(progress) { issues.append(FieldIssue(field: "progress", message: "\(progress) is not a percentage from 0 to 100")) }
        return issues
    }
}

/// Where a goal stands: worked on, reached, or set aside (the needs of the mentee may evolve).
public enum GoalState: String, Sendable, Codable, CaseIterable, Choice, Comparable {
    case open, achieved, dropped

    public static func < (lhs: GoalState, rhs: GoalState) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
