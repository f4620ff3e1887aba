import Foundation
import LodestarCore
@testable import LodestarStore
import LodestarTestSupport
import SQLKit
import Testing

/// The data revision that the read cache files read models under: every table a page shows is
/// tracked, so no write leaves a page stale.
@Suite("The data revision, stored")
struct DataRevisionStoreTests {
    @Test("every table but the bookkeeping ones moves the revision on any write; sessions only when one ends", arguments: TestDatabase.allCases)
    func everyTableTracked(database: TestDatabase) async throws {
        try await database.withStore { store in
            let sql = try store.sql
            let sqlite = sql.dialect.name == "sqlite"
            let tables = try await sql.raw(sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                                  : "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()")
                .all().map { try $0.decode(column: "name", as: String.self) }
            let triggers = try await sql.raw(sqlite ? "SELECT tbl_name AS name, sql AS event FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'data_%'"
                                                    : "SELECT event_object_table AS name, event_manipulation AS event FROM information_schema.triggers WHERE trigger_name LIKE 'data_%'")
                .all().map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "event", as: String.self).uppercased()) }
            func events(_ table: String) -> Set<String> {
                Set(triggers.filter { $0.0 == table }.flatMap { trigger in ["INSERT", "UPDATE", "DELETE"].filter { trigger.1.contains("AFTER \($0)") || trigger.1 == $0 } })
            }
            for table in tables where !M042_CreateDataRevision.untracked.contains(table) {
                #expect(events(table) == (table == "sessions" ? ["DELETE"] : ["INSERT", "UPDATE", "DELETE"]), "\(table)")
            }
            #expect(tables.count > 40)
        }
    }

    @Test("a write moves the revision on once it commits; using a session does not, ending one does", arguments: TestDatabase.allCases)
    func movesOnWrites(database: TestDatabase) async throws {
        try await database.withStore { store in
            let start = try await store.dataRevision()
            try await store.save(Competency(slug: "patient-listening", name: "Patient listening", summary: "Hears what is meant."))
            let written = try await store.dataRevision()
            #expect(written > start)
            let account = Account(email: "reader@tests.example", personID: nil, passwordHash: nil, isAdmin: false, createdAt: Date())
            try await store.save(account)
            let now = Date()
            var session = SignInSession(tokenDigest: "digest", accountID: account.id, csrfToken: "csrf", createdAt: now, expiresAt: now.addingTimeInterval(3600))
            let before = try await store.dataRevision()
            try await store.save(session)
            session.expiresAt = now.addingTimeInterval(7200)
            try await store.save(session)
            #expect(try await store.dataRevision() == before, "signing in and using a session change no page")
            try await store.deleteSession(digest: "digest")
            #expect(try await store.dataRevision() > before, "a session that ends does")
            // A transaction that fails moves nothing.
            let failing = try await store.dataRevision()
            await #expect(throws: (any Error).self) {
                try await store.inTransaction { tx in
                    try await tx.save(Competency(slug: "patience", name: "Patience", summary: "Waits well."))
                    throw AccessDenied("stop")
                }
            }
            #expect(try await store.dataRevision() == failing)
        }
    }
}
