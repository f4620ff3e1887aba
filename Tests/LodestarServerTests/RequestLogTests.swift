import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
import LodestarServer
import LodestarTestSupport
import Logging
import NIOCore
import Synchronization
import Testing

/// `--log-format json`: a line per request with its id, and no secret in any line.
@Suite("Request logs")
struct RequestLogTests {
    /// The lines a test's app wrote.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        var logger: Logger {
            Logger(label: "lodestar") { label in JSONLogHandler(label: label, sink: LogSink { line in self.lines.withLock { $0.append(line) } }) }
        }
        func objects() -> [[String: Any]] {
            all.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    @Test("a journey through sign-in, tokens, a webhook secret, a calendar feed, a one-time link and a private note logs one JSON line per request, with its id and route template, and none of their secrets")
    func journeyLogsNoSecret() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        let log = Lines()
        try await withAppAndStore(demo: true, logger: log.logger, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client, store in
            let mentee = try #require(callers.value[.mentee])
            guard case .session(_, let menteeCSRF) = mentee else { Issue.record("the mentee has no session"); return }
            var secrets: [String: String] = ["password": "admin-password-1"]
            // Signing in through the form, with the password.
            let signIn = try await client.execute(uri: "/sign-in", method: .post,
                                                  headers: [.cookie: "lodestar_form=form-1", .contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "csrf=form-1&email=\(TestAccounts.adminEmail)&password=admin-password-1")) { $0.status }
            #expect(signIn == .seeOther)
            // A new API token, shown once on the page, then used.
            let tokens = try await client.form("/admin/tokens", ["csrf": TestAccounts.csrf, "name": "logs", "scope": "read"])
            let token = try #require(String(buffer: tokens.body).firstMatch(of: /<code class="token">([^<]+)<\/code>/).map { String($0.1) })
            secrets["API token"] = token
            let (read, requestID) = try await client.execute(uri: "/api/v1/people/\(demo.people[0].id)", method: .get,
                                                              headers: [.authorization: "Bearer \(token)"]) {
                ($0.status, $0.headers[HTTPField.Name("X-Request-Id")!])
            }
            #expect(read == .ok)
            // A webhook endpoint's signing secret, shown once on its page.
            let webhook = try await client.form("/admin/webhooks", ["csrf": TestAccounts.csrf, "url": "https://hr.example.org/events", "event-meeting.held": "1"])
            secrets["webhook secret"] = try #require(String(buffer: webhook.body).firstMatch(of: /whsec_[A-Za-z0-9_-]+/).map { String($0.0) })
            // A calendar feed's secret address, opened as a calendar app would.
            let calendar = try await client.form("/calendar", ["csrf": menteeCSRF], as: mentee)
            let feed = try #require(String(buffer: calendar.body).firstMatch(of: /calendar\/([A-Za-z0-9_-]{20,})/).map { String($0.1) })
            secrets["calendar secret"] = feed
            #expect(try await client.execute(uri: "/calendar/\(feed)", method: .get) { $0.status } == .ok)
            // A one-time link to set a password, followed.
            _ = try await client.execute(uri: "/forgot-password", method: .post,
                                         headers: [.cookie: "lodestar_form=form-2", .contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: "csrf=form-2&email=\(TestAccounts.adminEmail)")) { $0.status }
            let link = try #require(try await linkToken(sentTo: TestAccounts.adminEmail, in: store))
            secrets["one-time link"] = link
            #expect(try await client.execute(uri: "/set-password?token=\(link)", method: .get) { $0.status } == .ok)
            // A private note.
            let note = "PRIVATE-LOG-CANARY-5521 what I worry about"
            secrets["note text"] = "PRIVATE-LOG-CANARY-5521"
            _ = try await client.form("/relationships/\(callers.relationship)/notes", ["csrf": menteeCSRF, "text": note], as: mentee)
            // An unknown path is logged as not found, not by its path.
            #expect(try await client.execute(uri: "/no-such-page", method: .get) { $0.status } == .notFound)

            let lines = log.objects()
            #expect(lines.count == log.all.count, "every line is one JSON object")
            let requests = lines.filter { $0["message"] as? String == "request" }
            #expect(requests.count >= 9)
            let line = try #require(requests.first { $0["request_id"] as? String == requestID })
            #expect(line["route"] as? String == "/api/v1/people/{id}" && line["method"] as? String == "GET" && line["status"] as? Int == 200)
            #expect((line["duration_ms"] as? Double ?? -1) >= 0)
            #expect(requests.contains { $0["route"] as? String == "/calendar/{token}" && $0["status"] as? Int == 200 })
            #expect(requests.contains { $0["route"] as? String == "NotFound" && $0["status"] as? Int == 404 })
            #expect(requests.allSatisfy { ($0["request_id"] as? String ?? "").count >= 16 && $0["time"] != nil && $0["level"] as? String == "info" })
            #expect(Set(requests.compactMap { $0["request_id"] as? String }).count == requests.count, "each request has its own id")
            for (kind, secret) in secrets {
                #expect(!log.all.contains { $0.contains(secret) }, "the \(kind) appears in the log")
            }
        }
    }
    @Test("a line is valid JSON whatever its message holds: quotes, backslashes, line breaks, control characters, nested metadata")
    func escaping() throws {
        let log = Lines()
        var logger = log.logger
        logger[metadataKey: "hb.request.id"] = "abc"
        logger.info("said \"hi\"\\ then\nleft\u{01}", metadata: ["count": .stringConvertible(3), "ratio": .stringConvertible(0.5), "ok": .stringConvertible(true),
                                                                   "list": .array(["a", .stringConvertible(2)]), "nested": .dictionary(["é": "ü"])])
        let line = try #require(log.all.first)
        #expect(!line.contains("\n"), "no raw line break inside the line")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "said \"hi\"\\ then\nleft\u{01}")
        #expect(object["request_id"] as? String == "abc" && object["count"] as? Int == 3 && object["ratio"] as? Double == 0.5 && object["ok"] as? Bool == true)
        #expect((object["list"] as? [Any])?.count == 2 && (object["nested"] as? [String: String]) == ["é": "ü"])
        #expect(line.hasPrefix(#"{"count":3,"label":"lodestar","level":"info","list":["a",2],"#), "keys sorted")
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }
}
