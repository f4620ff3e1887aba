import FluentKit
import Foundation
import LodestarCore
import SQLKit

/// The repositories of `LodestarCore` on FluentKit, for SQLite and PostgreSQL alike.
public struct FluentStore: LodestarRepositories {
    let db: any Database
    let kind: String
    /// The connection pool behind `db`, for its use in the metrics.
    var pool = DatabasePool(name: nil, limit: 1)

    public func inTransaction<T: Sendable>(_ work: @Sendable @escaping (any LodestarRepositories) async throws -> T) async throws -> T {
        try await transaction(work)
    }

    public func lockForChange(_ record: LockedRecord) async throws {
        // SQLite has one writer: a transaction that read a record and then writes after another
        // transaction wrote it is refused as busy, so no update is lost. PostgreSQL locks the row.
        guard kind == "postgresql", let sql = db as? any SQLDatabase else { return }
        let (table, column, key): (String, String, any Encodable & Sendable) = switch record {
        case .person(let id): (PersonModel.schema, "id", id.uuid)
        case .programme(let id): (ProgrammeModel.schema, "id", id.uuid)
        case .cycle(let id): (CycleModel.schema, "id", id.uuid)
        case .enrolment(let id): (EnrolmentModel.schema, "id", id.uuid)
        case .relationship(let id): (RelationshipModel.schema, "id", id.uuid)
        case .webhook(let id): (WebhookEndpointModel.schema, "id", id.uuid)
        case .competency(let slug): (CompetencyModel.schema, "slug", slug)
        }
        _ = try await sql.raw("SELECT 1 FROM \(ident: table) WHERE \(ident: column) = \(bind: key) FOR UPDATE").all()
    }

    /// `work` on this store in one transaction; the databases' errors come out as the domain's
    /// (`StoreErrors`: busy, duplicate).
    func transaction<T: Sendable>(_ work: @Sendable @escaping (FluentStore) async throws -> T) async throws -> T {
        let (kind, pool) = (self.kind, self.pool)
        return try await StoreErrors.translating { try await db.transaction { tx in try await work(FluentStore(db: tx, kind: kind, pool: pool)) } }
    }

    public func isEmpty() async throws -> Bool {
        let people = try await PersonModel.query(on: db).count()
        let programmes = try await ProgrammeModel.query(on: db).count()
        return people == 0 && programmes == 0
    }

    /// Asks the database to answer; on SQLite also whether a write could get the lock now
    /// (`StoreBusy` when another process holds it past the busy timeout).
    public func ping() async throws -> String {
        guard let sql = db as? any SQLDatabase else { return kind }
        try await sql.raw("SELECT 1").run()
        if kind == "sqlite" {
            // The connection is held for both statements, so no other request's query runs inside.
            try await StoreErrors.translating {
                try await db.withConnection { connection in
                    guard let sql = connection as? any SQLDatabase else { return }
                    try await sql.raw("BEGIN IMMEDIATE").run()
                    try await sql.raw("ROLLBACK").run()
                }
            }
        }
        return kind
    }

    public func connectionUse() async throws -> ConnectionUse? {
        // Only PostgreSQL says which connections are whose (by the pool's application_name).
        guard kind == "postgresql", let name = pool.name else { return nil }
        let rows = try await sql.raw("""
            SELECT coalesce(state, 'unknown') AS state, count(*) AS connections FROM pg_stat_activity
            WHERE application_name = \(bind: name) GROUP BY 1
            """).all()
        var byState: [String: Int] = [:]
        for row in rows { byState[try row.decode(column: "state", as: String.self)] = try row.decode(column: "connections", as: Int.self) }
        return ConnectionUse(limit: pool.limit, byState: byState)
    }

    /// The database as SQL, for queries Fluent can't say (both drivers are SQL databases).
    var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw DatabaseURLError(url: kind, reason: "the database does not speak SQL") }
            return sql
        }
    }

    /// Pages a query: the requested slice and the total count.
    func page<M: Model, T>(_ query: QueryBuilder<M>, _ request: PageRequest, _ transform: (M) throws -> T) async throws -> Page<T> {
        let total = try await query.copy().count()
        let rows = try await query.range(request.range).all()
        return Page(items: try rows.map(transform), total: total, request: request)
    }

    /// Inserts or updates the row for `id` with `apply`.
    func upsert<M: Model>(_: M.Type, id: UUID, _ apply: (M) -> Void) async throws where M.IDValue == UUID {
        if let row = try await M.find(id, on: db) {
            apply(row)
            try await row.update(on: db)
        } else {
            let row = M()
            apply(row)
            try await row.create(on: db)
        }
    }
}

// FluentKit has its own `Page` and `PageRequest`; in this module the names mean Lodestar's.
public typealias Page<Item: Sendable> = LodestarCore.Page<Item>
public typealias PageRequest = LodestarCore.PageRequest

/// A store's connection pool: the name its PostgreSQL connections carry, and how many it may open.
struct DatabasePool: Sendable {
    let name: String?
    let limit: Int
}
