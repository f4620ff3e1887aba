import Foundation
import LodestarCore

/// `/api/v1/webhooks`: the admin's endpoints, their secrets (shown once) and delivery logs,
/// through the same use case as the Webhooks page.
extension LodestarAPI {
    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        let endpoints = try await webhooks().endpoints()
        return .ok(.init(body: .json(ListBody(Page(slicing: endpoints, try APIRequest.page(input.query.offset, input.query.limit)), WebhookBody.init))))
    }

    func registerWebhook(_ input: Operations.RegisterWebhook.Input) async throws -> Operations.RegisterWebhook.Output {
        let registry = try webhooks()
        let body = switch input.body { case .json(let json): try json.read() }
        let endpoint = try await registry.register(body.settings, now: try APIRequest.current().now)
        return .created(.init(body: .json(WebhookBody(endpoint, showingSecret: true))))
    }

    func getWebhook(_ input: Operations.GetWebhook.Input) async throws -> Operations.GetWebhook.Output {
        let endpoint = try await webhooks().endpoint(try Identifier(path: input.path.id, of: "webhook"))
        return .ok(.init(headers: .init(eTag: try EntityTag.of(webhook: endpoint)), body: .json(WebhookBody(endpoint))))
    }

    func updateWebhook(_ input: Operations.UpdateWebhook.Input) async throws -> Operations.UpdateWebhook.Output {
        let principal = try APIRequest.principal()
        let id: WebhookEndpoint.ID = try Identifier(path: input.path.id, of: "webhook")
        _ = try await webhooks().endpoint(id)
        let body = switch input.body { case .json(let json): try json.read() }
        let endpoint = try await conditionally(input.headers.ifMatch, lock: .webhook(id)) { [credentials] store in
            try await WebhookRegistry(store: store, principal: principal, credentials: credentials).update(id, with: body.settings)
        }
        return .ok(.init(headers: .init(eTag: try EntityTag.of(webhook: endpoint)), body: .json(WebhookBody(endpoint))))
    }

    func removeWebhook(_ input: Operations.RemoveWebhook.Input) async throws -> Operations.RemoveWebhook.Output {
        try await webhooks().remove(try Identifier(path: input.path.id, of: "webhook"))
        return .noContent(.init())
    }

    func renewWebhookSecret(_ input: Operations.RenewWebhookSecret.Input) async throws -> Operations.RenewWebhookSecret.Output {
        let endpoint = try await webhooks().renewSecret(try Identifier(path: input.path.id, of: "webhook"))
        return .ok(.init(body: .json(WebhookBody(endpoint, showingSecret: true))))
    }

    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        let state = try input.query.state.map(WebhookPages.state)
        let page = try await webhooks().deliveries(of: try Identifier(path: input.path.id, of: "webhook"), state: state,
                                                   page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, WebhookDeliveryBody.init))))
    }

    func redeliverWebhook(_ input: Operations.RedeliverWebhook.Input) async throws -> Operations.RedeliverWebhook.Output {
        let registry = try webhooks()
        let endpoint: WebhookEndpoint.ID = try Identifier(path: input.path.id, of: "webhook")
        let delivery = try await registry.redeliver(try Identifier(path: input.path.delivery, of: "delivery"), of: endpoint,
                                                    now: try APIRequest.current().now)
        return .ok(.init(body: .json(WebhookDeliveryBody(delivery))))
    }

    private func webhooks() throws -> WebhookRegistry {
        WebhookRegistry(store: store, principal: try APIRequest.principal(), credentials: credentials)
    }
}

/// An endpoint's settings as the API takes them; what is left out stays (or, registering, is made).
struct WebhookInput: Decodable, Sendable {
    let url: String?
    let events: [String]?
    let description: String?
    let active: Bool?
    let secret: String?

    var settings: WebhookSettings { WebhookSettings(url: url, events: events, description: description, active: active, secret: secret) }
}

/// An endpoint as the API shows it: the secret only in the answers that made it.
struct WebhookBody: Encodable, Hashable, Sendable {
    let id: String
    let url: String
    let events: [String]
    let description: String
    let active: Bool
    let createdAt: Date
    let secret: String?

    init(_ endpoint: WebhookEndpoint) { self.init(endpoint, showingSecret: false) }

    init(_ endpoint: WebhookEndpoint, showingSecret: Bool) {
        id = endpoint.id.description
        url = endpoint.url
        events = endpoint.orderedEvents.map(\.rawValue)
        description = endpoint.description
        active = endpoint.active
        createdAt = endpoint.createdAt
        secret = showingSecret ? endpoint.secret : nil
    }
}

/// One delivery of the log.
struct WebhookDeliveryBody: Encodable, Hashable, Sendable {
    let id: String
    let eventId: String
    let event: String
    let payload: String
    let createdAt: Date
    let state: WebhookDelivery.State
    let attempts: Int
    let nextAttemptAt: Date?
    let deliveredAt: Date?
    let lastAttemptAt: Date?
    let lastStatus: Int?
    let lastError: String?

    init(_ delivery: WebhookDelivery) {
        id = delivery.id.description
        eventId = delivery.eventID.description
        event = delivery.kind.rawValue
        payload = delivery.payload
        createdAt = delivery.createdAt
        state = delivery.state
        attempts = delivery.attempts
        nextAttemptAt = delivery.nextAttemptAt
        deliveredAt = delivery.deliveredAt
        lastAttemptAt = delivery.lastAttemptAt
        lastStatus = delivery.lastStatus
        lastError = delivery.lastError
    }
}
