import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func save(_ endpoint: WebhookEndpoint) async throws {
        try await upsert(WebhookEndpointModel.self, id: endpoint.id.uuid) { $0.update(from: endpoint) }
    }

    public func webhookEndpoints() async throws -> [WebhookEndpoint] {
        try await WebhookEndpointModel.query(on: db).sort(\.$createdAt).all().map { try $0.domain() }
    }

    public func webhookEndpoint(_ id: WebhookEndpoint.ID) async throws -> WebhookEndpoint? {
        try await WebhookEndpointModel.find(id.uuid, on: db)?.domain()
    }

    public func deleteWebhookEndpoint(_ id: WebhookEndpoint.ID) async throws {
        try await transaction { store in
            try await WebhookDeliveryModel.query(on: store.db).filter(\.$endpointID == id.uuid).delete()
            try await WebhookEndpointModel.query(on: store.db).filter(\.$id == id.uuid).delete()
        }
    }

    public func enqueue(_ events: [WebhookEvent]) async throws {
        guard !events.isEmpty else { return }
        let endpoints = try await webhookEndpoints()
        let deliveries = events.flatMap { event in
            endpoints.filter { $0.events.contains(event.kind) }.map { endpoint in
                let row = WebhookDeliveryModel()
                row.update(from: WebhookDelivery(event, to: endpoint.id))
                return row
            }
        }
        // In batches, so a publication of thousands stays within the databases' bind limits.
        for start in stride(from: 0, to: deliveries.count, by: Self.batchSize) {
            try await Array(deliveries[start..<min(start + Self.batchSize, deliveries.count)]).create(on: db)
        }
    }

    public func claimDueDeliveries(limit: Int, now: Date, claim: TimeInterval) async throws -> [WebhookDelivery] {
        let sql = try self.sql
        // One statement claims the rows; PostgreSQL skips rows another server is claiming at the
        // same moment, SQLite has one writer anyway.
        let skipLocked: SQLQueryString = kind == "postgresql" ? " FOR UPDATE OF d SKIP LOCKED" : ""
        let claimed = try await sql.raw("""
            UPDATE webhook_deliveries SET claimed_until = \(bind: now.addingTimeInterval(claim)) WHERE id IN (
              SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
              WHERE e.active AND d.next_attempt_at <= \(bind: now) AND (d.claimed_until IS NULL OR d.claimed_until < \(bind: now))
              ORDER BY d.next_attempt_at, d.created_at LIMIT \(bind: limit)\(skipLocked)) RETURNING id
            """).all().map { try $0.uuid("id") }
        guard !claimed.isEmpty else { return [] }
        return try await WebhookDeliveryModel.query(on: db).filter(\.$id ~~ claimed).sort(\.$nextAttemptAt).all().map { try $0.domain() }
    }

    public func save(_ delivery: WebhookDelivery) async throws {
        try await upsert(WebhookDeliveryModel.self, id: delivery.id.uuid) { $0.update(from: delivery) }
    }

    public func webhookDeliveries(of endpoint: WebhookEndpoint.ID, state: WebhookDelivery.State?, page request: PageRequest) async throws -> Page<WebhookDelivery> {
        let query = WebhookDeliveryModel.query(on: db).filter(\.$endpointID == endpoint.uuid)
        switch state {
        case .delivered: query.filter(\.$deliveredAt != nil)
        case .waiting: query.filter(\.$nextAttemptAt != nil)
        case .failed: query.filter(\.$deliveredAt == nil).filter(\.$nextAttemptAt == nil)
        case nil: break
        }
        return try await page(query.sort(\.$createdAt, .descending).sort(\.$id), request) { try $0.domain() }
    }

    public func webhookDelivery(_ id: WebhookDelivery.ID) async throws -> WebhookDelivery? {
        try await WebhookDeliveryModel.find(id.uuid, on: db)?.domain()
    }

    public func webhookBacklog() async throws -> OutboxBacklog {
        let waiting = WebhookDeliveryModel.query(on: db).filter(\.$nextAttemptAt != nil)
        return OutboxBacklog(waiting: try await waiting.count(), oldest: try await waiting.copy().min(\.$createdAt))
    }
}
