import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
import LodestarTestSupport
import NIOCore
import Testing

/// `/metrics`: Prometheus text for an admin's credential or the scrape secret, no one else.
@Suite("Metrics")
struct MetricsTests {
    static let secret = "scrape-secret-0123456789abcdef"

    @Test("counts requests by route template and status with a latency histogram, and reads the outbox and the database at each scrape")
    func exposition() async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(demo: true, metricsSecret: Self.secret) { client, store in
            for _ in 0..<3 { _ = try await client.json(.get, "/api/v1/people/\(demo.people[0].id)") }
            _ = try await client.json(.get, "/api/v1/people/\(UUID())")
            try await store.save(Notice(recipient: "x@example.org", subject: "Waiting", body: "…", createdAt: Date().addingTimeInterval(-120)))
            try await store.save(WebhookEndpoint(url: "https://hr.example.org/events", events: [.peopleImported], secret: String(repeating: "s", count: 32),
                                                 description: "", createdAt: Date()))
            try await store.enqueue(.peopleImported(ImportSummary(created: 1, updated: 0, unchanged: 0), at: Date().addingTimeInterval(-60)))
            let (status, type, text) = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.secret)"]) {
                ($0.status, $0.headers[.contentType] ?? "", String(buffer: $0.body))
            }
            #expect(status == .ok && type.hasPrefix("text/plain; version=0.0.4"))
            let lines = text.split(separator: "\n").map(String.init)
            func sample(_ prefix: String) -> Double? {
                lines.first { $0.hasPrefix(prefix) }.flatMap { Double($0.split(separator: " ").last ?? "") }
            }
            #expect(sample(#"lodestar_http_requests_total{route="/api/v1/people/{id}",method="GET",status="200"}"#) == 3)
            #expect(sample(#"lodestar_http_requests_total{route="/api/v1/people/{id}",method="GET",status="404"}"#) == 1)
            #expect(sample(#"lodestar_http_request_duration_seconds_count{route="/api/v1/people/{id}",method="GET"}"#) == 4)
            #expect(lines.contains { $0.hasPrefix(#"lodestar_http_request_duration_seconds_bucket{route="/api/v1/people/{id}",method="GET",le="0.1"}"#) })
            #expect(sample("lodestar_outbox_waiting") ?? 0 >= 1)
            #expect(sample("lodestar_outbox_oldest_waiting_seconds") ?? 0 >= 119)
            #expect(sample("lodestar_database_up") == 1)
            #expect(sample("lodestar_webhook_deliveries_waiting") == 1)
            #expect(sample("lodestar_webhook_oldest_waiting_seconds") ?? 0 >= 59)
            #expect(!text.contains(demo.people[0].id.description), "a path's id is never a label")
            // The reminder job runs once at start; its rounds are counted.
            var jobs: Double?
            for _ in 0..<50 where jobs == nil {
                let (_, again) = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(TestAccounts.adminToken)"]) {
                    ($0.status, String(buffer: $0.body))
                }
                jobs = again.split(separator: "\n").first { $0.hasPrefix(#"lodestar_job_runs_total{job="Reminders and nudges"}"#) }
                    .flatMap { Double($0.split(separator: " ").last ?? "") }
                if jobs == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(jobs ?? 0 >= 1)
        }
    }

    @Test("on PostgreSQL the server's own pool is measured: its limit and its connections by state")
    func poolUse() async throws {
        try await withAppAndStore(.postgresql) { client, _ in
            for _ in 0..<3 { _ = try await client.json(.get, "/api/v1/programmes") }
            let text = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(TestAccounts.adminToken)"]) { String(buffer: $0.body) }
            func sample(_ prefix: String) -> Double? {
                text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.split(separator: " ").last ?? "") }
            }
            // The store's one pool, of four connections.
            let limit = 4.0
            #expect(sample("lodestar_database_pool_limit") == limit)
            #expect(sample(#"lodestar_database_connections{state="active"}"#) ?? 0 >= 1, "the scrape's own query runs on one")
            let open = ["active", "idle", "idle in transaction"].compactMap { sample(#"lodestar_database_connections{state="\#($0)"}"#) }.reduce(0, +)
            #expect(open >= 1 && open <= limit)
        }
    }

    @Test("webhook rounds are counted by outcome")
    func webhookDeliveries() async throws {
        try await withAppAndStore { _, store in
            let metrics = ServerMetrics()
            var outcome = WebhookDispatch.Outcome()
            (outcome.delivered, outcome.retrying, outcome.failed) = (3, 2, 0)
            metrics.webhooksSent(outcome)
            outcome.failed = 1
            metrics.webhooksSent(outcome)
            let text = await metrics.exposition(store: store, now: Date())
            #expect(text.contains(#"lodestar_webhook_deliveries_total{outcome="delivered"} 6"#))
            #expect(text.contains(#"lodestar_webhook_deliveries_total{outcome="retrying"} 4"#))
            #expect(text.contains(#"lodestar_webhook_deliveries_total{outcome="failed"} 1"#))
        }
    }

    @Test("only an admin's session or token, or the scrape secret, reads the metrics")
    func access() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withAppAndStore(demo: true, metricsSecret: Self.secret,
                                  prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client, _ in
            var cases: [(String, HTTPFields, HTTPResponse.Status)] = [
                ("no credential", [:], .unauthorized),
                ("a wrong secret", [.authorization: "Bearer wrong-secret-0123456789"], .unauthorized),
                ("the scrape secret", [.authorization: "Bearer \(Self.secret)"], .ok),
                ("the admin's token", [.authorization: "Bearer \(TestAccounts.adminToken)"], .ok),
                ("the admin's session", Caller.adminBrowser.headers, .ok),
            ]
            for role in [AccessMatrixTests.Role.manager, .mentor, .mentee] {
                cases.append(("the \(role)", try #require(callers.value[role]).headers, .forbidden))
            }
            for (who, headers, expected) in cases {
                let status = try await client.execute(uri: "/metrics", method: .get, headers: headers) { $0.status }
                #expect(status == expected, "\(who)")
            }
        }
    }
}
