import FluentKit
import Foundation
import LodestarCore

final class WebhookEndpointModel: Model, @unchecked Sendable {
    static let schema = "webhook_endpoints"

    @ID(key: .id) var id: UUID?
    @Field(key: "url") var url: String
    @Field(key: "events") var events: String
    @Field(key: "secret") var secret: String
    @Field(key: "description") var description: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    func update(from endpoint: WebhookEndpoint) {
        id = endpoint.id.uuid
        url = endpoint.url
        events = endpoint.orderedEvents.map(\.rawValue).joined(separator: ",")
        secret = endpoint.secret
        description = endpoint.description
        active = endpoint.active
        createdAt = endpoint.createdAt
    }

    func domain() throws -> WebhookEndpoint {
        let kinds = try events.split(separator: ",").map { try StoredValue.decode(String($0), as: WebhookEvent.Kind.self, column: "webhook_endpoints.events") }
        return WebhookEndpoint(id: WebhookEndpoint.ID(try requireID()), url: url, events: Set(kinds), secret: secret, description: description,
                               active: active, createdAt: createdAt)
    }
}

final class WebhookDeliveryModel: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    @ID(key: .id) var id: UUID?
    @Field(key: "endpoint_id") var endpointID: UUID
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "payload") var payload: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "last_attempt_at") var lastAttemptAt: Date?
    @OptionalField(key: "last_status") var lastStatus: Int?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?

    init() {}

    func update(from delivery: WebhookDelivery) {
        id = delivery.id.uuid
        endpointID = delivery.endpointID.uuid
        eventID = delivery.eventID.uuid
        kind = delivery.kind.rawValue
        payload = delivery.payload
        createdAt = delivery.createdAt
        attempts = delivery.attempts
        nextAttemptAt = delivery.nextAttemptAt
        deliveredAt = delivery.deliveredAt
        lastAttemptAt = delivery.lastAttemptAt
        lastStatus = delivery.lastStatus
        lastError = delivery.lastError
        // Saving a delivery after an attempt ends its claim.
        claimedUntil = nil
    }

    func domain() throws -> WebhookDelivery {
        WebhookDelivery(id: WebhookDelivery.ID(try requireID()), endpointID: WebhookEndpoint.ID(endpointID), eventID: WebhookEvent.ID(eventID),
                        kind: try StoredValue.decode(kind, as: WebhookEvent.Kind.self, column: "webhook_deliveries.kind"), payload: payload,
                        createdAt: createdAt, attempts: attempts, nextAttemptAt: nextAttemptAt, deliveredAt: deliveredAt,
                        lastAttemptAt: lastAttemptAt, lastStatus: lastStatus, lastError: lastError)
    }
}
