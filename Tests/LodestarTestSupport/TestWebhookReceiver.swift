import Foundation
import Hummingbird
import LodestarServer
import Logging
import NIOCore
import ServiceLifecycle

/// An HTTP server on a free loopback port that receives webhook deliveries, as an integration
/// would: it keeps each one with its headers and answers with the status `answer` gives for the
/// n-th request (2xx by default).
public final class TestWebhookReceiver: Sendable {
    /// One received delivery.
    public struct Received: Sendable {
        public let event: String
        public let eventID: String
        public let signature: String
        public let body: String
    }

    public let port: Int
    public var url: String { "http://127.0.0.1:\(port)/events" }
    private let inbox: Inbox
    private let task: Task<Void, any Error>

    actor Inbox {
        var received: [Received] = []
        var requests = 0
        func add(_ delivery: Received) -> Int {
            requests += 1
            received.append(delivery)
            return requests
        }
    }

    /// Starts listening on 127.0.0.1; `answer` is given the request's number (from 1).
    public init(answer: @escaping @Sendable (Int) -> HTTPResponse.Status = { _ in .noContent }) async throws {
        let inbox = Inbox()
        let router = Router()
        router.post("/events") { request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
            func header(_ name: String) -> String { request.headers.first { $0.name.canonicalName == name.lowercased() }?.value ?? "" }
            let number = await inbox.add(Received(event: header("Lodestar-Event"), eventID: header("Lodestar-Event-Id"),
                                                  signature: header(WebhookSignature.header), body: body))
            return Response(status: answer(number))
        }
        let (stream, started) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "webhook-receiver")
        // Stopping it cancels its connections, which the server logs as errors; nothing else is said.
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in started.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await bound in stream {
            port = bound
            break
        }
        self.port = port
        self.inbox = inbox
    }

    /// Everything received so far, in order.
    public func received() async -> [Received] { await inbox.received }

    /// Stops listening.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}
