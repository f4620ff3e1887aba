import Foundation
import LodestarCore
import Metrics
import Prometheus

/// What the server counts and measures, through swift-metrics into a Prometheus registry of its
/// own, and served as Prometheus text at `/metrics`: requests by route template, method and status
/// with a latency histogram, requests in flight, background job runs and failures; and, read at
/// each scrape, the outbox's backlog and the database's answer time.
public final class ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    private let inFlight: Meter

    /// A registry for one application; `lodestar serve` also makes it the process's metrics system,
    /// so that what the libraries measure lands there too.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                                   .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                                                   .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]
        self.factory = factory
        inFlight = Meter(label: "lodestar_http_requests_in_flight", factory: factory)
    }

    /// The factory behind these metrics, for `MetricsSystem.bootstrap`.
    public var metricsFactory: any MetricsFactory { factory }

    /// A request is being answered until `finished` is called with its outcome.
    func requestStarted() { inFlight.increment() }

    func requestFinished(route: String, method: String, status: Int, duration: Duration) {
        inFlight.decrement()
        Counter(label: "lodestar_http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory)
            .increment()
        Metrics.Timer(label: "lodestar_http_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factory)
            .record(duration: duration)
    }

    /// One round of a background job, and whether it failed.
    func jobRan(_ job: String, failed: Bool) {
        Counter(label: "lodestar_job_runs_total", dimensions: [("job", job)], factory: factory).increment()
        let failures = Counter(label: "lodestar_job_failures_total", dimensions: [("job", job)], factory: factory)
        if failed { failures.increment() }
    }

    /// One round of webhook deliveries: how many were delivered, will be retried, were given up.
    func webhooksSent(_ outcome: WebhookDispatch.Outcome) {
        for (label, count) in [("delivered", outcome.delivered), ("retrying", outcome.retrying), ("failed", outcome.failed)] where count > 0 {
            Counter(label: "lodestar_webhook_deliveries_total", dimensions: [("outcome", label)], factory: factory).increment(by: count)
        }
    }

    /// The metrics in Prometheus text format, with the outbox and database read now.
    func exposition(store: any LodestarRepositories, now: Date) async -> String {
        let started = ContinuousClock.now
        let reachable = (try? await store.ping()) != nil
        let pinged = ContinuousClock.now - started
        gauge("lodestar_database_up", reachable ? 1 : 0)
        gauge("lodestar_database_ping_seconds", Double(pinged.components.seconds) + Double(pinged.components.attoseconds) / 1e18)
        if let backlog = try? await store.outboxBacklog() {
            gauge("lodestar_outbox_waiting", Double(backlog.waiting))
            gauge("lodestar_outbox_oldest_waiting_seconds", backlog.oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        }
        if let use = try? await store.connectionUse() {
            gauge("lodestar_database_pool_limit", Double(use.limit))
            // Every state is written, so a state that emptied reads 0 rather than its last value.
            for state in ["active", "idle", "idle in transaction"] {
                Gauge(label: "lodestar_database_connections", dimensions: [("state", state)], factory: factory).record(Double(use.byState[state] ?? 0))
            }
        }
        if let backlog = try? await store.webhookBacklog() {
            gauge("lodestar_webhook_deliveries_waiting", Double(backlog.waiting))
            gauge("lodestar_webhook_oldest_waiting_seconds", backlog.oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        }
        var text: [UInt8] = []
        registry.emit(into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private func gauge(_ name: String, _ value: Double) {
        Gauge(label: name, factory: factory).record(value)
    }
}
