import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Each person's inbox holds the messages sent to them, and nobody else's.
@Suite("Inbox")
struct InboxStoreTests {
    @Test("a person reads their own messages, newest first; opening marks read once; the unread count follows; one-time links stay hidden",
          arguments: TestDatabase.allCases)
    func ownMessages(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, _) = try await UseCaseAccessStoreTests.demo(store)
            let menteeEmail = try #require(mentee.person?.email)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            // Sent to the mentee's address as the directory writes it (any case), and one to the mentor.
            for (offset, subject) in ["You have a mentor", "Your meeting is tomorrow"].enumerated() {
                try await store.save(Notice(recipient: menteeEmail.uppercased(), subject: subject, body: "See \(SiteURL.home.path)", createdAt: start.addingTimeInterval(Double(offset) * 60)))
            }
            try await store.save(Notice(recipient: menteeEmail, subject: "Choose a password", body: "Open https://m.example/set-password?token=abc123secret to choose it.",
                                        createdAt: start.addingTimeInterval(120)))
            let forMentor = Notice(recipient: try #require(mentor.person?.email), subject: "A new mentee", body: "…", createdAt: start)
            try await store.save(forMentor)

            let authentication = Authentication(store: store, credentials: TestAccounts.credentials)
            func fresh(_ principal: Principal) async throws -> Principal {
                try await authentication.principal(for: try #require(try await store.account(principal.account.id)))
            }
            #expect(try await fresh(mentee).unreadMessages == 3)
            let inbox = Inbox(store: store, principal: try await fresh(mentee))
            let all = try await inbox.messages(page: .first)
            #expect(all.items.map(\.subject) == ["Choose a password", "Your meeting is tomorrow", "You have a mentor"])
            #expect(all.items[0].body.contains("[hidden: only the recipient can use this link]") && !all.items[0].body.contains("abc123secret"))
            // Another's message is not found, whoever asks for it.
            await #expect(throws: NotFound.self) { try await inbox.message(forMentor.id) }
            await #expect(throws: NotFound.self) { try await Inbox(store: store, principal: manager).open(all.items[1].id, now: start) }

            let opened = try await inbox.open(all.items[1].id, now: start.addingTimeInterval(3600))
            #expect(opened.readAt == start.addingTimeInterval(3600))
            #expect(try await inbox.open(all.items[1].id, now: start.addingTimeInterval(7200)).readAt == start.addingTimeInterval(3600), "the first opening counts")
            #expect(try await fresh(mentee).unreadMessages == 2)
            #expect(try await inbox.messages(unreadOnly: true, page: .first).items.map(\.subject) == ["Choose a password", "You have a mentor"])
            #expect(try await inbox.markAllRead(now: start.addingTimeInterval(9000)) == 2)
            #expect(try await fresh(mentee).unreadMessages == 0)
            #expect(try await fresh(mentor).unreadMessages == 1, "the mentor's message is untouched")
        }
    }

    @Test("a message opened while the delivery job is sending it stays read when the job records its attempt", arguments: TestDatabase.allCases)
    func deliveryKeepsTheReadMark(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, _, mentee, _) = try await UseCaseAccessStoreTests.demo(store)
            let sent = Date(timeIntervalSince1970: 1_800_000_000)
            let notice = Notice(recipient: try #require(mentee.person?.email), subject: "You have a mentor", body: "…", createdAt: sent)
            try await store.save(notice)
            // The job claims it (its copy unread), the mentee opens it, the job saves its attempt.
            var claimed = try #require(try await store.claimUnsentNotices(limit: 10, maximumAttempts: 5, now: sent).first { $0.id == notice.id })
            #expect(try await Inbox(store: store, principal: mentee).open(notice.id, now: sent.addingTimeInterval(5)).readAt != nil)
            claimed.sentAt = sent.addingTimeInterval(10)
            claimed.attempts += 1
            try await store.save(claimed)
            let after = try await Inbox(store: store, principal: mentee).message(notice.id)
            #expect(after.readAt == sent.addingTimeInterval(5))
            #expect(after.sentAt == sent.addingTimeInterval(10))
        }
    }
}
