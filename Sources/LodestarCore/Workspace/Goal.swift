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
                due: Date, progress: Int = 0, actions: [Action] = [], milestones: [Milestone] = [], editedBy: Person.ID, editedAt: Date) {
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
        self.editedBy = editedBy
        self.editedAt = editedAt
    }

    /// True when the goal is past its date and not reached.
    public func isOverdue(at now: Date) -> Bool { progress < 100 && due < now }

    /// The problems of a goal's fields, each named.
    public static func issues(title: String, measure: String, competency: String?, progress: Int, competencies: Set<String>) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: "title", message: "is empty; say specifically what you want to achieve")) }
        if measure.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: "measure", message: "is empty; say how you will know it is achieved")) }
        if let competency, !competencies.contains(competency) {
            issues.append(FieldIssue(field: "competency", message: "'\(competency)' is not a competency of the catalogue"))
        }
        if !(0...100).contains(progress) { issues.append(FieldIssue(field: "progress", message: "\(progress) is not a percentage from 0 to 100")) }
        return issues
    }
}
