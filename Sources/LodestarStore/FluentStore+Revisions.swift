import LodestarCore
import SQLKit

extension FluentStore {
    public func planningRevision() async throws -> Int64 { try await revision(in: "planning_revision") }

    public func dataRevision() async throws -> Int64 { try await revision(in: "data_revision") }

    private func revision(in table: String) async throws -> Int64 {
        guard let row = try await sql.raw("SELECT value FROM \(unsafeRaw: table) WHERE id = 1").first() else { throw SchemaBehind() }
        return try row.decode(column: "value", as: Int64.self)
    }
}

/// The database lacks a table this version keeps (a migration made its one row).
struct SchemaBehind: Error, CustomStringConvertible {
    var description: String { "the database schema is older than this version of Lodestar: run `lodestar migrate`" }
}
