import Foundation
import LodestarCore
import LodestarServer
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("The outbox with two app servers on one PostgreSQL")
struct OutboxTwoServersTests {
    @Test("two servers sending the same outbox at once deliver every message exactly once")
    func exactlyOnce() async throws {
        let server = try await TestSMTPServer()
        do {
            try await TestDatabase.postgresql.withTwoServers { first, second in
                let start = Date(timeIntervalSince1970: 1_800_000_000)
                for number in 0..<120 {
                    try await first.save(Notice(recipient: "person\(number)@example.org", subject: "Reminder \(number)", body: "Meeting soon.",
                                              createdAt: start.addingTimeInterval(Double(number))))
                }
                let mailer = try SMTPMailer(url: "smtp://127.0.0.1:\(server.port)")
                // Small batches, many rounds, both servers at once: claims collide often.
                func drain(_ store: FluentStore) async throws -> Int {
                    var sent = 0
                    while true {
                        let round = try await OutboxDelivery(store: store, mailer: mailer).deliver(limit: 7, now: start.addingTimeInterval(200))
                        if round == 0 { return sent }
                        sent += round
                    }
                }
                async let a = drain(first)
                async let b = drain(second)
                let (sentByFirst, sentBySecond) = try await (a, b)
                let received = await server.messages()
                let subjects = received.compactMap { $0.data.split(separator: "\n").first { $0.hasPrefix("Subject: ") } }
                #expect(sentByFirst + sentBySecond == 120)
                #expect(sentByFirst > 0 && sentBySecond > 0, "both servers took part")
                #expect(received.count == 120 && Set(subjects).count == 120, "every message once, none twice")
                #expect(try await first.notices(page: .everything).items.allSatisfy { $0.sentAt != nil && $0.attempts == 1 })
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
