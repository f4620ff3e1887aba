import LodestarTestSupport
@testable import LodestarStore
import NIOCore
import SQLKit
import Testing

@Suite("PostgreSQL uses every event loop's pool")
struct PostgresLoopsTests {
    @Test("queries in a row take the loops' pools in turn: as many queries as loops reach as many connections")
    func spreadOverLoops() async throws {
        try await TestDatabase.postgresql.withConnection { connection in
            let loops = try #require(connection.store.db as? InTurn)
            #expect(loops.members.count == System.coreCount)
            var backends: Set<Int> = []
            for _ in loops.members {
                backends.insert(try await connection.store.sql.raw("SELECT pg_backend_pid() AS pid").first(decodingColumn: "pid", as: Int.self) ?? 0)
            }
            // One loop's pool would hand the same idle connection to each query in a row.
            #expect(backends.count == loops.members.count)
        }
    }
}
