import Foundation
import LodestarCore
import Logging
import ServiceLifecycle

/// Writes meeting reminders and nudges to the outbox every few minutes while the server runs;
/// several servers may run it against one PostgreSQL database (each message is claimed once).
struct NudgeService: Service {
    let nudges: Nudges
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Shutting down cancels the wait between rounds, so the server stops at once.
        try await cancelWhenGracefulShutdown { await rounds() }
    }

    private func rounds() async {
        while !Task.isCancelled {
            do {
                let outcome = try await nudges.run(now: Date())
                if outcome.reminders + outcome.nudges + outcome.expiredRequests > 0 {
                    logger.info("Wrote \(outcome.reminders) meeting reminder(s) and \(outcome.nudges) nudge(s) to the outbox; \(outcome.expiredRequests) unanswered request(s) passed on")
                }
            } catch {
                logger.error("Reminders and nudges failed: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }
}
