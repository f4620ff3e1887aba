import FluentKit
import SQLKit

/// A counter that every write to what a matching plan is made from moves on: people, programmes,
/// cycles, enrolments, conflicts of interest, relationships and their members. A plan computed
/// at one value of it can be reused while the value stands, on any app server.
struct M019_CreatePlanningRevision: AsyncMigration {
    static let tables = ["people", "programmes", "cycles", "enrolments", "conflicts", "relationships", "relationship_members"]
    static let counter = RevisionCounter(name: "planning")

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.counter.create(on: sql)
        try await Self.counter.track(Self.tables, on: sql)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.counter.untrack(Self.tables, on: sql)
        try await Self.counter.drop(on: sql)
    }
}
