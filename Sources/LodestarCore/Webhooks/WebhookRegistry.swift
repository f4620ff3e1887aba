import Foundation

/// The admin's webhook endpoints (M21): registering, changing, pausing and removing them,
/// renewing their secrets, and reading and retrying their deliveries. Browser, API and CLI
/// all come here, so the rules and messages agree.
public struct WebhookRegistry: Sendable {
    let store: any LodestarRepositories
    let principal: Principal
    let credentials: any Credentials

    /// Creates the use case, acting for `principal` (an organisation admin).
    public init(store: any LodestarRepositories, principal: Principal, credentials: any Credentials) {
        self.store = store
        self.principal = principal
        self.credentials = credentials
    }

    /// Registers an endpoint; returns it with its secret, which is shown this once.
    public func register(_ settings: WebhookSettings, now: Date) async throws -> WebhookEndpoint {
        try principal.requireAdmin("registering webhooks")
        var issues = settings.issues()
        if settings.url == nil { issues.append(FieldIssue(field: "url", message: "give the address events are sent to")) }
        if settings.events == nil { issues.append(FieldIssue(field: "events", message: "choose at least one event")) }
        guard issues.isEmpty, let url = settings.url, let events = settings.events else { throw ValidationError(issues) }
        let endpoint = WebhookEndpoint(url: url, events: Set(events.compactMap(WebhookEvent.Kind.init(rawValue:))), secret: settings.secret ?? newSecret(),
                                       description: settings.description?.trimmingCharacters(in: .whitespaces) ?? "", active: settings.active ?? true, createdAt: now)
        try await store.save(endpoint)
        return endpoint
    }

    /// Every endpoint, oldest first.
    public func endpoints() async throws -> [WebhookEndpoint] {
        try principal.requireAdmin("managing webhooks")
        return try await store.webhookEndpoints()
    }

    /// One endpoint.
    public func endpoint(_ id: WebhookEndpoint.ID) async throws -> WebhookEndpoint {
        try principal.requireAdmin("managing webhooks")
        guard let endpoint = try await store.webhookEndpoint(id) else { throw NotFound("webhook", id) }
        return endpoint
    }

    /// Changes what `settings` gives; the rest stays.
    public func update(_ id: WebhookEndpoint.ID, with settings: WebhookSettings) async throws -> WebhookEndpoint {
        var endpoint = try await endpoint(id)
        let issues = settings.issues()
        guard issues.isEmpty else { throw ValidationError(issues) }
        if let url = settings.url { endpoint.url = url }
        if let events = settings.events { endpoint.events = Set(events.compactMap(WebhookEvent.Kind.init(rawValue:))) }
        if let description = settings.description { endpoint.description = description.trimmingCharacters(in: .whitespaces) }
        if let active = settings.active { endpoint.active = active }
        if let secret = settings.secret { endpoint.secret = secret }
        try await store.save(endpoint)
        return endpoint
    }

    /// Gives the endpoint a new secret (the old one stops signing at once); returns it with the secret.
    public func renewSecret(_ id: WebhookEndpoint.ID) async throws -> WebhookEndpoint {
        var endpoint = try await endpoint(id)
        endpoint.secret = newSecret()
        try await store.save(endpoint)
        return endpoint
    }

    /// Removes the endpoint and its delivery log.
    public func remove(_ id: WebhookEndpoint.ID) async throws {
        _ = try await endpoint(id)
        try await store.deleteWebhookEndpoint(id)
    }

    /// The endpoint's deliveries, newest first; only those in `state` when one is given.
    public func deliveries(of id: WebhookEndpoint.ID, state: WebhookDelivery.State? = nil, page: PageRequest) async throws -> Page<WebhookDelivery> {
        _ = try await endpoint(id)
        return try await store.webhookDeliveries(of: id, state: state, page: page)
    }

    /// Sends a delivery again at the next round: one given up gets one more attempt, one
    /// delivered is sent once more (for a receiver that lost it; the event id is the same).
    public func redeliver(_ id: WebhookDelivery.ID, of endpointID: WebhookEndpoint.ID, now: Date) async throws -> WebhookDelivery {
        _ = try await endpoint(endpointID)
        guard var delivery = try await store.webhookDelivery(id), delivery.endpointID == endpointID else { throw NotFound("delivery", id) }
        delivery.deliveredAt = nil
        delivery.nextAttemptAt = now
        delivery.attempts = min(delivery.attempts, WebhookDelivery.maximumAttempts - 1)
        try await store.save(delivery)
        return delivery
    }

    private func newSecret() -> String { "whsec_" + credentials.newToken() }
}
