import AsyncHTTPClient
import Foundation
import LodestarCore
import NIOCore

/// Posts deliveries over HTTP(S): the event as JSON, signed, with its kind and ids in headers.
/// Redirects are not followed (the registered address is the one trusted) and an endpoint gets
/// ten seconds to answer.
public struct HTTPWebhookSender: WebhookSender {
    let client: HTTPClient

    /// A sender through `client` (see `makeClient`).
    public init(client: HTTPClient) { self.client = client }

    /// A client for webhook deliveries; shut it down when the job ends.
    public static func makeClient() -> HTTPClient {
        HTTPClient(eventLoopGroupProvider: .singleton,
                   configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(10))))
    }

    public func send(_ delivery: WebhookDelivery, to endpoint: WebhookEndpoint, now: Date) async -> WebhookAttempt {
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Lodestar-Webhooks/1")
        request.headers.add(name: "Lodestar-Event", value: delivery.kind.rawValue)
        // The event's id is the same in every attempt: receivers use it to ignore repeats.
        request.headers.add(name: "Lodestar-Event-Id", value: delivery.eventID.description)
        request.headers.add(name: "Lodestar-Delivery", value: delivery.id.description)
        request.headers.add(name: WebhookSignature.header, value: WebhookSignature.value(secret: endpoint.secret, time: now, body: delivery.payload))
        request.body = .bytes(ByteBuffer(string: delivery.payload))
        do {
            let response = try await client.execute(request, timeout: .seconds(15))
            // The answer's body is read (so the connection can be used again) and not kept.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return .answered(Int(response.status.code))
        } catch {
            return .unreachable(Self.describe(error))
        }
    }

    /// A failure as the delivery log shows it: short, and without the secret or payload.
    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
