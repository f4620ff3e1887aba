import FluentKit
import Foundation
import LodestarCore

final class GoalVersionModel: Model, @unchecked Sendable {
    static let schema = "goal_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "goal_id") var goalID: UUID
    @Field(key: "relationship_id") var relationshipID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "title") var title: String
    @Field(key: "measure") var measure: String
    @OptionalField(key: "competency") var competency: String?
    @Field(key: "due") var due: Date
    @Field(key: "progress") var progress: Int
    /// One JSON document (PostgreSQL would take a bare Swift array for an array column).
    @Field(key: "actions") var actions: Actions
    @Field(key: "state") var state: String
    @Field(key: "state_note") var stateNote: String
    @Field(key: "edited_by") var editedBy: UUID
    @Field(key: "edited_at") var editedAt: Date

    init() {}

    init(_ goal: Goal) {
        id = UUID()
        goalID = goal.id.uuid
        relationshipID = goal.relationshipID.uuid
        version = goal.version
        title = goal.title
        measure = goal.measure
        competency = goal.competency
        due = goal.due
        progress = goal.progress
        actions = Actions(items: goal.actions, milestones: goal.milestones)
        state = goal.state.rawValue
        stateNote = goal.stateNote
        editedBy = goal.editedBy.uuid
        editedAt = goal.editedAt
    }

    /// The goal's actions and milestones (versions written before milestones existed have none).
    struct Actions: Codable {
        var items: [Goal.Action]
        var milestones: [Goal.Milestone]?
    }
}
