import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// A programme's managers read the messages sent about their programme — and only those.
@Suite("A programme's messages")
struct ProgrammeMessagesTests {
    @Test("after publishing, the manager reads the match messages on the programme's messages page and through the API; an invitation is not among them; a mentee may not",
          arguments: TestDatabase.allCases)
    func messages(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let newcomer = try #require(AdministrationPagesTests.bystanders(demo).first)
        try await withAppAndStore(database, demo: true, prepare: AdministrationPagesTests.signInManager) { client, store in
            let cycle = "/api/v1/cycles/\(demo.cycle.id)"
            #expect(try await client.json(.put, cycle, #"{"state":"matching"}"#).0 == .ok)
            #expect(try await client.json(.post, cycle + "/publish", #"{"seed":7}"#).0 == .created)
            // An invitation is about no programme: the outbox's alone.
            #expect(try await client.json(.post, "/api/v1/invitations", #"{"email":"\#(newcomer.email)"}"#).0 == .created)
            let sent = try await store.notices(page: .everything).items
            let about = sent.filter { $0.programme == demo.programme.id }
            #expect(!about.isEmpty && sent.contains { $0.recipient == newcomer.email.lowercased() && $0.programme == nil })

            let (status, page) = try await client.page("/programmes/\(demo.programme.id)/messages", as: AdministrationPagesTests.manager)
            let subject = try #require(about.first?.subject)
            #expect(status == .ok && page.contains("\(about.count) in all") && page.contains(subject))
            #expect(!page.contains(newcomer.email.lowercased()), "the invitation is not the programme's")
            let (_, listed) = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)/messages?limit=1")
            #expect(value(listed, "total") as? Int == about.count)
            // An ending, told by the workspace, is the programme's too.
            let (_, relationships) = try await client.json(.get, cycle + "/relationships?limit=1")
            let relationship = try #require(value(relationships, "items.0.id") as? String)
            #expect(try await client.json(.post, "/api/v1/relationships/\(relationship)/end", #"{"reason":"The mentee moved abroad"}"#).0 == .ok)
            let (_, afterEnding) = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)/messages?limit=1")
            #expect((value(afterEnding, "total") as? Int ?? 0) > about.count)
            #expect((value(afterEnding, "items.0.subject") as? String)?.hasSuffix("has ended") == true)
            // The demo's mentee, who received one of them, still may not read the programme's.
            let mentees = Set(demo.enrolments.filter { $0.role == .mentee }.map(\.personID))
            let account = try #require(try await store.accounts().first { $0.personID.map(mentees.contains) ?? false })
            try await TestAccounts.signIn(account, session: "mentee-session", csrf: "mentee-csrf", in: store)
            #expect(try await client.page("/programmes/\(demo.programme.id)/messages", as: .session("mentee-session", csrf: "mentee-csrf")).0 == .forbidden)
        }
    }
}
