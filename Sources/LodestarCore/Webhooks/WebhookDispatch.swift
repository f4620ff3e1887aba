import Foundation

/// Sends one delivery to its endpoint, signed; the server's HTTP client, or a test's.
public protocol WebhookSender: Sendable {
    /// Posts the delivery's payload to the endpoint and says how it answered; never throws.
    func send(_ delivery: WebhookDelivery, to endpoint: WebhookEndpoint, now: Date) async -> WebhookAttempt
}

/// The background job that sends what waits for the endpoints: due deliveries are claimed
/// (each by one server only), sent side by side, and their outcomes recorded with the next
/// attempt's time when they failed.
public struct WebhookDispatch: Sendable {
    let store: any LodestarRepositories
    let sender: any WebhookSender
    /// How long a claim holds a delivery against other servers: longer than any send takes.
    public static let claim: TimeInterval = 120

    /// Creates the job.
    public init(store: any LodestarRepositories, sender: any WebhookSender) {
        self.store = store
        self.sender = sender
    }

    /// What one round did.
    public struct Outcome: Sendable, Equatable {
        public var delivered = 0
        /// Failed, with an attempt still to come.
        public var retrying = 0
        /// Failed for the last time.
        public var failed = 0
        /// Nothing sent.
        public init() {}
        public var sent: Int { delivered + retrying + failed }
    }

    /// Sends what is due at `now`, a batch of `limit` at a time, while batches come full (at most
    /// `batches` of them, so one round ends even when events keep coming).
    @discardableResult
    public func drain(limit: Int = 20, batches: Int = 50, now: Date) async throws -> Outcome {
        var total = Outcome()
        for _ in 0..<batches {
            let outcome = try await run(limit: limit, now: now)
            total.delivered += outcome.delivered
            total.retrying += outcome.retrying
            total.failed += outcome.failed
            if outcome.sent < limit { break }
        }
        return total
    }

    /// Sends up to `limit` due deliveries at `now`.
    @discardableResult
    public func run(limit: Int = 20, now: Date) async throws -> Outcome {
        let due = try await store.claimDueDeliveries(limit: limit, now: now, claim: Self.claim)
        guard !due.isEmpty else { return Outcome() }
        let endpoints = Dictionary(uniqueKeysWithValues: try await store.webhookEndpoints().map { ($0.id, $0) })
        let attempted = await withTaskGroup(of: WebhookDelivery.self) { group in
            for delivery in due {
                guard let endpoint = endpoints[delivery.endpointID] else { continue }
                group.addTask { [sender] in
                    var delivery = delivery
                    delivery.record(await sender.send(delivery, to: endpoint, now: now), at: now)
                    return delivery
                }
            }
            var attempted: [WebhookDelivery] = []
            for await delivery in group { attempted.append(delivery) }
            return attempted
        }
        var outcome = Outcome()
        for delivery in attempted {
            try await store.save(delivery)
            switch delivery.state {
            case .delivered: outcome.delivered += 1
            case .waiting: outcome.retrying += 1
            case .failed: outcome.failed += 1
            }
        }
        return outcome
    }
}
