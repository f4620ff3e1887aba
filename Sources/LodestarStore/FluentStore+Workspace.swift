import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func relationship(_ id: Relationship.ID) async throws -> Relationship? {
        guard let row = try await RelationshipModel.find(id.uuid, on: db) else { return nil }
        return try await withMembers([row]).first
    }

    public func agreements(of relationship: Relationship.ID) async throws -> [Agreement] {
        try await agreements(ofAny: [relationship])
    }

    public func agreements(ofAny relationships: [Relationship.ID]) async throws -> [Agreement] {
        try await workspaceRows(AgreementModel.schema, Agreement.columns, of: relationships, order: "version", Agreement.init)
    }

    public func save(_ agreement: Agreement) async throws {
        let row = try await AgreementModel.query(on: db).filter(\.$relationshipID == agreement.relationshipID.uuid)
            .filter(\.$version == agreement.version).first() ?? AgreementModel()
        row.update(from: agreement)
        try await row.save(on: db)
    }

    public func notes(of relationship: Relationship.ID) async throws -> [Note] {
        try await NoteModel.query(on: db).filter(\.$relationshipID == relationship.uuid).sort(\.$writtenAt, .descending).all().map(\.domain)
    }

    public func save(_ note: Note) async throws {
        try await NoteModel(note).create(on: db)
    }

    public func meetings(of relationship: Relationship.ID) async throws -> [HeldMeeting] {
        try await workspaceRows(HeldMeetingModel.schema, HeldMeeting.columns, of: [relationship], order: "held_on DESC", HeldMeeting.init)
    }

    public func meetings(ofAny relationships: [Relationship.ID]) async throws -> [HeldMeeting] {
        try await workspaceRows(HeldMeetingModel.schema, HeldMeeting.columns, of: relationships, order: "held_on", HeldMeeting.init)
    }

    public func save(_ meeting: HeldMeeting) async throws {
        try await HeldMeetingModel(meeting).create(on: db)
    }

    public func goalVersions(of relationship: Relationship.ID) async throws -> [Goal] {
        try await goalVersions(ofAny: [relationship])
    }

    public func goalVersions(ofAny relationships: [Relationship.ID]) async throws -> [Goal] {
        try await workspaceRows(GoalVersionModel.schema, Goal.columns, of: relationships, order: "version", Goal.init)
    }

    public func goalStates(ofAny relationships: [Relationship.ID]) async throws -> [GoalState] {
        guard !relationships.isEmpty else { return [] }
        let versions = try await rows("SELECT goal_id, version, state FROM goal_versions WHERE relationship_id IN (\(binds: relationships.map(\.uuid)))") { row in
            (goal: try row.uuid("goal_id"), version: try row.decode(column: "version", as: Int.self), state: try row.decode(column: "state", as: String.self))
        }
        let latest = Dictionary(versions.map { ($0.goal, $0) }) { $0.version >= $1.version ? $0 : $1 }
        return latest.values.map { GoalState(rawValue: $0.state) ?? .open }
    }

    public func save(_ goal: Goal) async throws {
        try await GoalVersionModel(goal).create(on: db)
    }

    public func mentoringTotals(ofProgramme programme: Programme.ID) async throws -> MentoringTotals {
        let sql = try self.sql
        let relationships = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .from(RelationshipModel.schema).join(CycleModel.schema, on: SQLColumn("cycle_id", table: RelationshipModel.schema), .equal, SQLColumn("id", table: CycleModel.schema))
            .where(SQLColumn("programme_id", table: CycleModel.schema), .equal, SQLBind(programme.uuid)).first()
        let meetings = try await sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            // PostgreSQL sums integers as numeric; the cast brings the total back to an integer.
            .column(SQLRaw("CAST(COALESCE(SUM(\(HeldMeetingModel.schema).minutes), 0) AS BIGINT)"), as: "minutes")
            .from(HeldMeetingModel.schema)
            .join(RelationshipModel.schema, on: SQLColumn("relationship_id", table: HeldMeetingModel.schema), .equal, SQLColumn("id", table: RelationshipModel.schema))
            .join(CycleModel.schema, on: SQLColumn("cycle_id", table: RelationshipModel.schema), .equal, SQLColumn("id", table: CycleModel.schema))
            .where(SQLColumn("programme_id", table: CycleModel.schema), .equal, SQLBind(programme.uuid)).first()
        return MentoringTotals(relationships: try relationships?.decode(column: "count", as: Int.self) ?? 0,
                               meetings: try meetings?.decode(column: "count", as: Int.self) ?? 0,
                               minutes: try meetings?.decode(column: "minutes", as: Int.self) ?? 0)
    }
}
