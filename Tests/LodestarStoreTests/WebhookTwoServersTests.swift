import Foundation
import LodestarCore
import LodestarServer
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Webhooks with two app servers on one PostgreSQL")
struct WebhookTwoServersTests {
    @Test("two servers sending at once deliver each event exactly once to each endpoint, signed with that endpoint's secret")
    func exactlyOnce() async throws {
        let receiver = try await TestWebhookReceiver()
        let client = HTTPWebhookSender.makeClient()
        defer { Task { try? await client.shutdown() } }
        do {
            try await TestDatabase.postgresql.withTwoServers { first, second in
                let start = Date(timeIntervalSince1970: 1_800_000_000)
                let registry = WebhookRegistry(store: first, principal: .commandLine, credentials: TestAccounts.credentials)
                let a = try await registry.register(WebhookSettings(url: receiver.url + "?endpoint=a", events: ["people.imported"]), now: start)
                let b = try await registry.register(WebhookSettings(url: receiver.url + "?endpoint=b", events: ["people.imported", "meeting.held"]), now: start)
                for number in 0..<60 {
                    try await first.enqueue(.peopleImported(ImportSummary(created: number, updated: 0, unchanged: 0), at: start.addingTimeInterval(Double(number))))
                }
                // Small batches, many rounds, both servers at once: claims collide often.
                func drain(_ store: FluentStore) async throws -> Int {
                    var sent = 0
                    while true {
                        let round = try await WebhookDispatch(store: store, sender: HTTPWebhookSender(client: client)).run(limit: 7, now: start.addingTimeInterval(100))
                        if round.sent == 0 { return sent }
                        sent += round.delivered
                    }
                }
                async let one = drain(first)
                async let two = drain(second)
                let (byFirst, bySecond) = try await (one, two)
                #expect(byFirst + bySecond == 120 && byFirst > 0 && bySecond > 0, "both servers took part")
                let received = await receiver.received()
                let now = start.addingTimeInterval(100)
                let toA = received.filter { WebhookSignature.verify($0.signature, secret: a.secret, body: $0.body, now: now) }
                let toB = received.filter { WebhookSignature.verify($0.signature, secret: b.secret, body: $0.body, now: now) }
                #expect(received.count == 120 && toA.count == 60 && toB.count == 60, "every delivery once, each signed for its endpoint")
                #expect(Set(toA.map(\.eventID)).count == 60 && Set(toA.map(\.eventID)) == Set(toB.map(\.eventID)), "each event once per endpoint")
                let log = try await first.webhookDeliveries(of: a.id, state: nil, page: .everything).items + first.webhookDeliveries(of: b.id, state: nil, page: .everything).items
                #expect(log.count == 120 && log.allSatisfy { $0.state == .delivered && $0.attempts == 1 })
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }
}
