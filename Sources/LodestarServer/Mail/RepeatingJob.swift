import Foundation
import LodestarCore
import Logging
import ServiceLifecycle

/// Work the server repeats while it runs — sending the outbox, writing reminders and nudges —
/// every `interval`; a failed round is logged and the next one comes as usual.
struct RepeatingJob: Service {
    /// What the job does, for the log ("Outbox delivery").
    let name: String
    let interval: Duration
    let logger: Logger
    let clock: ServerClock
    let metrics: ServerMetrics
    /// One round at `now`; returns what to log when it did something.
    let round: @Sendable (_ now: Date) async throws -> String?
    /// Run once the job has stopped (to close what it holds open).
    var finish: @Sendable () async -> Void = {}

    func run() async throws {
        // Shutting down cancels the wait between rounds, so the server stops at once.
        await cancelWhenGracefulShutdown { await rounds() }
        await finish()
    }

    private func rounds() async {
        while !Task.isCancelled {
            do {
                if let done = try await round(clock.now()) { logger.info("\(name): \(done)") }
                metrics.jobRan(name, failed: false)
            } catch {
                logger.error("\(name) failed: \(error)")
                metrics.jobRan(name, failed: true)
            }
            try? await Task.sleep(for: interval)
        }
    }
}

extension RepeatingJob {
    /// Sends the outbox (only when SMTP is configured).
    static func outbox(_ delivery: OutboxDelivery, every interval: Duration, clock: ServerClock, logger: Logger, metrics: ServerMetrics) -> RepeatingJob {
        RepeatingJob(name: "Outbox delivery", interval: interval, logger: logger, clock: clock, metrics: metrics) { now in
            let sent = try await delivery.deliver(now: now)
            return sent > 0 ? "sent \(sent) notice(s)" : nil
        }
    }

    /// Sends what waits for the webhook endpoints, through its own HTTP client.
    static func webhooks(store: any LodestarRepositories, every interval: Duration, clock: ServerClock, logger: Logger, metrics: ServerMetrics) -> RepeatingJob {
        let client = HTTPWebhookSender.makeClient()
        let dispatch = WebhookDispatch(store: store, sender: HTTPWebhookSender(client: client))
        var job = RepeatingJob(name: "Webhook delivery", interval: interval, logger: logger, clock: clock, metrics: metrics) { now in
            let outcome = try await dispatch.drain(now: now)
            metrics.webhooksSent(outcome)
            guard outcome.sent > 0 else { return nil }
            return "\(outcome.delivered) delivered, \(outcome.retrying) to retry, \(outcome.failed) given up"
        }
        job.finish = { try? await client.shutdown() }
        return job
    }

    /// Writes meeting reminders and nudges, and passes unanswered requests on; several servers
    /// may run it against one PostgreSQL database (each message is claimed once).
    static func nudges(_ nudges: Nudges, every interval: Duration, clock: ServerClock, logger: Logger, metrics: ServerMetrics) -> RepeatingJob {
        RepeatingJob(name: "Reminders and nudges", interval: interval, logger: logger, clock: clock, metrics: metrics) { now in
            let outcome = try await nudges.run(now: now)
            guard outcome != Nudges.Outcome() else { return nil }
            return "wrote \(outcome.reminders) meeting reminder(s) and \(outcome.nudges) nudge(s); \(outcome.expiredRequests) unanswered request(s) passed on; "
                + "\(outcome.mentorNudges) quiet mentor(s) and \(outcome.requestNudges) mentor(s) with a waiting request nudged; "
                + "\(outcome.surveysOpened) survey announcement(s), \(outcome.surveyReminders) survey reminder(s)"
        }
    }
}
