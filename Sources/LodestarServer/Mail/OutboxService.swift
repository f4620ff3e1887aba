import Foundation
import LodestarCore
import Logging
import ServiceLifecycle

/// Sends the outbox every few seconds while the server runs (only when SMTP is configured).
struct OutboxService: Service {
    let delivery: OutboxDelivery
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Shutting down cancels the wait between rounds, so the server stops at once.
        try await cancelWhenGracefulShutdown { await rounds() }
    }

    private func rounds() async {
        while !Task.isCancelled {
            do {
                let sent = try await delivery.deliver(now: Date())
                if sent > 0 { logger.info("Sent \(sent) notice(s) from the outbox") }
            } catch {
                logger.error("Outbox delivery failed: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }
}
