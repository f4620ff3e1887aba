import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The inbox in the browser and through the API.
@Suite("Inbox pages and API")
struct InboxPagesTests {
    static let mentee = Caller.session("demo-mentee", csrf: "demo-mentee-csrf")

    @Test("the navigation counts unread messages; opening one marks it read and links to the site; the API lists, reads and marks")
    func inbox() async throws {
        let notice = Notice(recipient: "", subject: "You have a mentor", body: "Meet them: http://127.0.0.1:8080/relationships/x — or reply.", createdAt: Date())
        let box = MessageBox()
        try await withAppAndStore(demo: true, prepare: { store in
            let signIns = try await DemoAccounts(store: store, credentials: TestAccounts.credentials).ensure(now: Date())
            let email = try #require(signIns.first { $0.role.hasPrefix("mentee") }?.email)
            let account = try #require(try await store.account(email: email))
            try await TestAccounts.signIn(account, session: "demo-mentee", csrf: "demo-mentee-csrf", in: store)
            var mine = notice
            mine.recipient = account.email
            try await store.save(mine)
            try await store.save(Notice(recipient: account.email, subject: "Your first meeting", body: "Tomorrow.", createdAt: Date()))
            box.id = mine.id.description
        }) { client, _ in
            let (_, home) = try await client.page("/", as: Self.mentee)
            #expect(home.contains("Inbox (2)"))
            let (status, inbox) = try await client.page("/inbox", as: Self.mentee)
            #expect(status == .ok && inbox.contains("You have a mentor") && inbox.contains("Mark all as read"))
            let (opened, message) = try await client.page("/inbox/\(box.id)", as: Self.mentee)
            #expect(opened == .ok)
            #expect(message.contains("Inbox (1)"), "the count on the opened message's page already leaves it out")
            #expect(message.contains(#"<a href="http://127.0.0.1:8080/relationships/x">"#), "links to this site are links")
            #expect(try await client.page("/", as: Self.mentee).1.contains("Inbox (1)"))
            // The admin has no such message: not found, and nothing said about whose it is.
            #expect(try await client.page("/inbox/\(box.id)").0 == .notFound)
            #expect(try await client.json(.get, "/api/v1/inbox/\(box.id)").0 == .notFound)

            let (_, unread) = try await client.json(.get, "/api/v1/inbox?unread=true", as: Self.mentee)
            #expect(value(unread, "total") as? Int == 1 && value(unread, "items.0.subject") as? String == "Your first meeting")
            let (_, unreadPage) = try await client.page("/inbox?unread=1", as: Self.mentee)
            #expect(unreadPage.contains("Your first meeting") && !unreadPage.contains("You have a mentor"), "the Unread tab lists only the unread")
            #expect(try await client.json(.patch, "/api/v1/inbox", #"{"read":false}"#, as: Self.mentee).0 == .unprocessableContent)
            #expect(try await client.json(.patch, "/api/v1/inbox", #"{"read":true,"all":1}"#, as: Self.mentee).0 != .ok, "unknown fields are refused")
            let (marked, count) = try await client.json(.patch, "/api/v1/inbox", #"{"read":true}"#, as: Self.mentee)
            #expect(marked == .ok && value(count, "marked") as? Int == 1)
            let (_, read) = try await client.json(.get, "/api/v1/inbox/\(box.id)", as: Self.mentee)
            #expect(value(read, "readAt") as? String != nil)
            #expect(!(try await client.page("/", as: Self.mentee).1.contains("Inbox (")))
        }
    }
}

/// Carries the message's id out of the preparation.
final class MessageBox: @unchecked Sendable {
    var id = ""
}
