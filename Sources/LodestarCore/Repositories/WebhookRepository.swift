import Foundation

/// The endpoints integrations registered and the events on their way to them.
public protocol WebhookRepository: Sendable {
    /// Inserts or updates one endpoint.
    func save(_ endpoint: WebhookEndpoint) async throws
    /// Every endpoint, oldest first.
    func webhookEndpoints() async throws -> [WebhookEndpoint]
    func webhookEndpoint(_ id: WebhookEndpoint.ID) async throws -> WebhookEndpoint?
    /// Removes an endpoint with its deliveries.
    func deleteWebhookEndpoint(_ id: WebhookEndpoint.ID) async throws
    /// Writes one delivery of each event for each endpoint subscribed to its kind (paused ones too:
    /// their events wait), the endpoints read once; in the caller's transaction, so an event is
    /// queued only with what it reports.
    func enqueue(_ events: [WebhookEvent]) async throws
    /// Deliveries due at `now` to active endpoints, oldest first, each claimed until `now + claim`
    /// by this caller alone (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so two app servers never
    /// send one twice); a claim that runs out (a server died mid-send) frees the delivery again.
    func claimDueDeliveries(limit: Int, now: Date, claim: TimeInterval) async throws -> [WebhookDelivery]
    /// Inserts or updates one delivery, ending its claim.
    func save(_ delivery: WebhookDelivery) async throws
    /// An endpoint's deliveries, newest first; only those in `state` when one is given.
    func webhookDeliveries(of endpoint: WebhookEndpoint.ID, state: WebhookDelivery.State?, page: PageRequest) async throws -> Page<WebhookDelivery>
    func webhookDelivery(_ id: WebhookDelivery.ID) async throws -> WebhookDelivery?
    /// How many deliveries wait, and since when the oldest has waited.
    func webhookBacklog() async throws -> OutboxBacklog
}

extension WebhookRepository {
    /// Queues one event (see `enqueue(_:)` of several).
    public func enqueue(_ event: WebhookEvent) async throws { try await enqueue([event]) }
}
