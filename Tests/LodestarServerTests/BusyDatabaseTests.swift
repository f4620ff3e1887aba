import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
@testable import LodestarStore
import LodestarTestSupport
import NIOCore
import SQLKit
import Testing

@Suite("A busy SQLite and what leaves Lodestar as text")
struct BusyDatabaseTests {
    @Test("a write that meets another process's lock waits, then answers 503 with Retry-After; /health says busy; afterwards all is well")
    func busy() async throws {
        try await withAppAndStore { client, other in
            // Another process (here: another connection) holds SQLite's write lock until the test lets go.
            let (acquired, acquiring) = AsyncStream<Void>.makeStream()
            let (release, releasing) = AsyncStream<Void>.makeStream()
            let locked = Task {
                try await other.db.withConnection { connection in
                    let sql = try #require(connection as? any SQLDatabase)
                    try await sql.raw("BEGIN IMMEDIATE").run()
                    acquiring.yield()
                    for await _ in release { break }
                    try await sql.raw("ROLLBACK").run()
                }
            }
            for await _ in acquired { break }
            let health = try await client.execute(uri: "/health", method: .get) { ($0.status, $0.headers[.retryAfter], String(buffer: $0.body)) }
            #expect(health.0 == .serviceUnavailable && health.1 == "2" && health.2.contains(#""status":"busy""#))
            let (status, headers, body) = try await client.execute(uri: "/api/v1/competencies", method: .post,
                                                                   headers: [.authorization: "Bearer \(TestAccounts.adminToken)", .contentType: "application/json"],
                                                                   body: ByteBuffer(string: #"{"slug":"patience","name":"Patience","summary":"Waits well."}"#)) {
                ($0.status, $0.headers, String(buffer: $0.body))
            }
            #expect(status == .serviceUnavailable && headers[.retryAfter] == "2" && body.contains("try again"))
            releasing.yield()
            try await locked.value
            #expect(try await client.json(.get, "/health").0 == .ok)
            let (created, _) = try await client.json(.post, "/api/v1/competencies", #"{"slug":"patience","name":"Patience","summary":"Waits well."}"#)
            #expect(created == .created, "the same request succeeds once the lock is gone")
        }
    }

    @Test("a subject with a line break can't add a header: it is sent RFC 2047 encoded; addresses lose what could end them")
    func mailHeaders() {
        let notice = Notice(recipient: "ana@example.org>\r\nRCPT TO:<eve@example.org", subject: "Hello\r\nBcc: eve@example.org",
                            body: "Hi", createdAt: Date(timeIntervalSince1970: 0))
        let message = SMTPMailer.message(notice, from: "lodestar@example.org")
        let headers = message.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("RCPT") })
        #expect(headers.contains { $0.hasPrefix("Subject: =?UTF-8?B?") })
        #expect(headers.contains("To: <ana@example.orgRCPTTO:eve@example.org>"))
        #expect(MailHeader.encoded("Weekly check-in") == "Weekly check-in")
        let long = MailHeader.encoded(String(repeating: "é", count: 100))
        #expect(long.components(separatedBy: "\r\n ").allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") })
    }
}

@Suite("serve --demo and a database with data")
struct DemoSafetyTests {
    @Test("serve --demo on a database that holds data adds nothing: no demo people, programmes, accounts, roles or passwords")
    func demoLeavesDataAlone() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-demo-safety-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let before = try StoreConnection(location: .sqliteFile(path: file))
        do {
            try await before.migrate()
            _ = try await PeopleDirectory(store: before.store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            await before.shutdown()
        } catch {
            await before.shutdown()
            throw error
        }
        let app = try await buildApplication(config: AppConfig(database: .sqliteFile(path: file), seedDemo: true, bcryptCost: 4))
        try await app.test(.router) { client in
            let status = try await client.execute(uri: "/health", method: .get) { $0.status }
            #expect(status == .ok)
        }
        let after = try StoreConnection(location: .sqliteFile(path: file))
        do {
            #expect(try await after.store.accounts().isEmpty, "no account was added, least of all one with the demo password")
            #expect(try await after.store.allPeople().count == 5)
            #expect(try await after.store.programmes(page: .everything).total == 0)
            await after.shutdown()
        } catch {
            await after.shutdown()
            throw error
        }
    }
}
