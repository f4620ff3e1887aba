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
            let locked = Task {
                // Another process (here: another connection) holds SQLite's write lock for longer than the busy timeout twice over.
                try await other.db.withConnection { connection in
                    let sql = try #require(connection as? any SQLDatabase)
                    try await sql.raw("BEGIN IMMEDIATE").run()
                    try await Task.sleep(for: .milliseconds(2 * StoreConnection.busyTimeoutMilliseconds + 1500))
                    try await sql.raw("ROLLBACK").run()
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            let health = try await client.execute(uri: "/health", method: .get) { ($0.status, $0.headers[.retryAfter], String(buffer: $0.body)) }
            #expect(health.0 == .serviceUnavailable && health.1 == "2" && health.2.contains(#""status":"busy""#))
            let (status, headers, body) = try await client.execute(uri: "/api/v1/competencies", method: .post,
                                                                   headers: [.authorization: "Bearer \(TestAccounts.adminToken)", .contentType: "application/json"],
                                                                   body: ByteBuffer(string: #"{"slug":"patience","name":"Patience","summary":"Waits well."}"#)) {
                ($0.status, $0.headers, String(buffer: $0.body))
            }
            #expect(status == .serviceUnavailable && headers[.retryAfter] == "2" && body.contains("try again"))
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
