import Foundation
import LodestarCore
import SQLKit

/// Meetings, goal versions and agreements read straight from their rows: a cycle's dashboard
/// reads tens of thousands of them, where building a Fluent model per row by reflection cost
/// most of the page's time.
extension HeldMeeting {
    static let columns = ["id", "relationship_id", "held_on", "minutes", "mode", "logged_by"]

    init(_ row: RowColumns) throws {
        self.init(id: ID(try row("id", as: UUID.self)), relationshipID: Relationship.ID(try row("relationship_id", as: UUID.self)),
                  heldOn: try row("held_on"), minutes: try row("minutes"),
                  mode: try StoredValue.decode(try row("mode"), as: MeetingMode.self, column: "held_meetings.mode"), loggedBy: Person.ID(try row("logged_by", as: UUID.self)))
    }
}

extension Goal {
    static let columns = ["goal_id", "relationship_id", "version", "title", "measure", "competency", "due", "progress", "actions", "state", "state_note",
                          "edited_by", "edited_at"]

    init(_ row: RowColumns) throws {
        let actions = try row("actions", as: GoalVersionModel.Actions.self)
        self.init(id: ID(try row("goal_id", as: UUID.self)), relationshipID: Relationship.ID(try row("relationship_id", as: UUID.self)), version: try row("version"),
                  title: try row("title"), measure: try row("measure"), competency: try row("competency"), due: try row("due"), progress: try row("progress"),
                  actions: actions.items, milestones: actions.milestones ?? [], state: GoalState(rawValue: try row("state")) ?? .open, stateNote: try row("state_note"),
                  editedBy: Person.ID(try row("edited_by", as: UUID.self)), editedAt: try row("edited_at"))
    }
}

extension Agreement {
    static let columns = ["relationship_id", "version", "expectations", "goals", "time_frame", "cadence", "confidentiality", "ending", "edited_by", "edited_at",
                          "signatures"]

    init(_ row: RowColumns) throws {
        self.init(relationshipID: Relationship.ID(try row("relationship_id", as: UUID.self)), version: try row("version"),
                  terms: Terms(expectations: try row("expectations"), goals: try row("goals"), timeFrame: try row("time_frame"), cadence: try row("cadence"),
                               confidentiality: try row("confidentiality"), ending: try row("ending")),
                  editedBy: Person.ID(try row("edited_by", as: UUID.self)), editedAt: try row("edited_at"),
                  signatures: Dictionary(uniqueKeysWithValues: AgreementSignatures.decode(try row("signatures", as: String?.self)).map { (Person.ID($0.key), $0.value) }))
    }
}

extension FluentStore {
    /// The rows of `table` whose relationship is one of `relationships`, in `order`, each read by `make`.
    func workspaceRows<T>(_ table: String, _ columns: [String], of relationships: [Relationship.ID], order: String,
                          _ make: (RowColumns) throws -> T) async throws -> [T] {
        guard !relationships.isEmpty else { return [] }
        return try await rows("""
            SELECT \(unsafeRaw: RowColumns.select(table, columns, as: "w_")) FROM \(ident: table)
            WHERE relationship_id IN (\(binds: relationships.map(\.uuid))) ORDER BY \(unsafeRaw: order)
            """) { try make(RowColumns(row: $0, prefix: "w_")) }
    }
}
