import Foundation
import LodestarCore
@testable import LodestarStore
import SQLKit
import Testing

@Suite("SQLite as a server: readers beside the one writer")
struct ReadersAndWriterTests {
    @Test("reads are answered while a long write holds the writer; they see what is committed, never what is not")
    func readsDoNotQueueBehindTheWriter() async throws {
        try await withSQLiteFile { connection in
            try await connection.migrate()
            let store = connection.store
            try await store.save(Competency(slug: "patient-listening", name: "Patient listening", summary: "Hears what is meant."))
            let before = try await store.competencies().map(\.slug)
            #expect(before.contains("patient-listening"))
            let (written, writing) = AsyncStream<Void>.makeStream()
            let (release, releasing) = AsyncStream<Void>.makeStream()
            // An import, say: the one writer stays in its transaction until the test lets go.
            let longWrite = Task {
                try await store.inTransaction { tx in
                    try await tx.save(Competency(slug: "patience", name: "Patience", summary: "Waits well."))
                    writing.yield()
                    for await _ in release { break }
                }
            }
            for await _ in written { break }
            // With one connection for everything, these reads would wait for the write to end.
            let during = try await answered(within: .seconds(10)) {
                async let first = store.competencies()
                async let second = store.competencies()
                return try await (first.map(\.slug), second.map(\.slug))
            }
            #expect(during?.0 == before, "answered during the write, without its uncommitted row")
            #expect(during?.1 == before)
            releasing.yield()
            try await longWrite.value
            #expect(try await store.competencies().map(\.slug).sorted() == (before + ["patience"]).sorted(), "a read after the commit sees it")
            // A write then a read, with no transaction: the reader sees the write at once.
            for number in 1...20 {
                try await store.save(Competency(slug: "skill-\(number)", name: "Skill \(number)", summary: "One more."))
                #expect(try await store.competencies().contains { $0.slug == "skill-\(number)" })
            }
        }
    }

    @Test("only a plain SELECT goes to a reader: writes, WITH and PRAGMA go to the writer")
    func routing() async throws {
        try await withSQLiteFile { connection in
            let split = try #require(connection.store.db as? ReadersAndWriter)
            #expect(split.runsOnReader(SQLRaw("SELECT 1")))
            #expect(split.runsOnReader(SQLRaw("\n  select * FROM people")))
            #expect(!split.runsOnReader(SQLRaw("INSERT INTO people (id) VALUES (1)")))
            #expect(!split.runsOnReader(SQLRaw("WITH x AS (SELECT 1) DELETE FROM people")))
            #expect(!split.runsOnReader(SQLRaw("PRAGMA journal_mode = WAL")))
            #expect(!split.runsOnReader(SQLRaw("UPDATE people SET name = 'SELECT'")))
        }
    }

    @Test("every connection, the readers' as well as the writer's, waits out another process's lock")
    func busyTimeoutOnEveryConnection() async throws {
        try await withSQLiteFile { connection in
            try await connection.migrate()
            let split = try #require(connection.store.db as? ReadersAndWriter)
            var timeouts: [Int] = [try await split.writer.raw("PRAGMA busy_timeout").first(decodingColumn: "timeout", as: Int.self) ?? 0]
            // The readers take turns: as many reads as there are readers reach each once.
            for _ in 0..<StoreConnection.sqliteReaders {
                timeouts.append(try await split.reader.raw("PRAGMA busy_timeout").first(decodingColumn: "timeout", as: Int.self) ?? 0)
            }
            #expect(timeouts == [Int](repeating: StoreConnection.busyTimeoutMilliseconds, count: StoreConnection.sqliteReaders + 1))
        }
    }

    /// Runs `body` on a store over a new SQLite file, then closes and removes it.
    private func withSQLiteFile(_ body: (StoreConnection) async throws -> Void) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-readers-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        let connection = try StoreConnection(location: .sqliteFile(path: file))
        do {
            try await body(connection)
        } catch {
            await connection.shutdown()
            throw error
        }
        await connection.shutdown()
    }

    /// `work`'s result, or nil when it took longer than `limit`.
    private func answered<T: Sendable>(within limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask { try await Task.sleep(for: limit); return nil }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
