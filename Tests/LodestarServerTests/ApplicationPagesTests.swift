import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Applications in the browser and the API: the manager invites from a directory search or a
/// CSV file and decides; the person applies through their profile form — one use case behind both.
@Suite("Applications in the browser and the API")
struct ApplicationPagesTests {
    static let manager = Caller.session("demo-manager", csrf: "demo-manager-csrf")
    static let mentor = Caller.session("demo-mentor", csrf: "demo-mentor-csrf")

    static func signIn(_ store: FluentStore) async throws {
        let signIns = try await DemoAccounts(store: store, credentials: TestAccounts.credentials).ensure(now: Date())
        for (prefix, session) in [("programme manager", "demo-manager"), ("mentor", "demo-mentor")] {
            let email = try #require(signIns.first { $0.role.hasPrefix(prefix) }?.email)
            try await TestAccounts.signIn(try #require(try await store.account(email: email)), session: session, csrf: session + "-csrf", in: store)
        }
    }

    @Test("the manager invites from a search and a file (a bad line named), the mentor applies through the form, the manager accepts", arguments: TestDatabase.allCases)
    func journey(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let enrolled = Set(demo.enrolments.map(\.personID))
        let newcomer = try #require(demo.people.first { !enrolled.contains($0.id) && $0.level < 5 })
        try await withAppAndStore(database, demo: true, prepare: Self.signIn) { client, store in
            let office = ProgrammeOffice(store: store, principal: .commandLine)
            let cycle = try await office.move(try await office.startCycle(of: demo.programme.id, name: "2028 cohort").id, to: .enrolling)
            let board = "/cycles/\(cycle.id)/applications"

            // The search lists people by name; ticking one invites them.
            let (_, found) = try await client.page(board + "?q=" + (newcomer.name.split(separator: " ").last.map(String.init) ?? ""), as: Self.manager)
            #expect(found.contains(#"name="person" value="\#(newcomer.id)""#))
            let invited = try await client.form("/cycles/\(cycle.id)/invitations", ["csrf": "demo-manager-csrf", "person": newcomer.id.description, "role": "mentee"], as: Self.manager)
            #expect(invited.status == .seeOther && invited.headers[.location] == board + "?invited=1&already=0")

            // A file with an unknown person is refused whole, the line and column named.
            let signIns = try await DemoAccounts(store: store, credentials: TestAccounts.credentials).ensure(now: Date())
            let mentorEmail = try #require(signIns.first { $0.role.hasPrefix("mentor") }?.email)
            let bad = try await client.upload("/cycles/\(cycle.id)/invitations/file", file: Data("email,role\n\(mentorEmail),mentor\nnobody@nowhere.example,mentor\n".utf8),
                                              named: "invite.csv", fields: ["csrf": "demo-manager-csrf"], as: Self.manager)
            let badPage = String(buffer: bad.body)
            #expect(bad.status == .unprocessableContent && badPage.contains("Nobody was invited") && badPage.contains("nobody@nowhere.example&#39; is not in the people directory"))
            #expect(badPage.contains(#"<td class="num">3</td><td data-label="Column">1 (email)</td>"#))
            let good = try await client.upload("/cycles/\(cycle.id)/invitations/file", file: Data("email,role\n\(mentorEmail),mentor\n".utf8),
                                               named: "invite.csv", fields: ["csrf": "demo-manager-csrf"], as: Self.manager)
            #expect(good.status == .seeOther)

            // The mentor finds the invitation at home and applies; a missing availability is named beside its field.
            let (_, home) = try await client.page("/", as: Self.mentor)
            let link = try #require(home.firstMatch(of: /href="(\/applications\/[0-9a-f-]+)">Apply</).map { String($0.1) })
            let (_, form) = try await client.page(link, as: Self.mentor)
            #expect(form.contains("Apply as a mentor") && form.contains(#"id="f-capacity""#) && form.contains("Send application"))
            var fields = ["csrf": "demo-mentor-csrf", "skills": "delegation:4", "capacity": "2", "meeting_mode": "either", "motivation": "To give back"]
            let missing = try await client.form(link, fields, as: Self.mentor)
            #expect(missing.status == .unprocessableContent && String(buffer: missing.body).contains("is empty; say when you are free"))
            fields["availability"] = "tue 09:00-10:00"
            #expect(try await client.form(link, fields, as: Self.mentor).status == .seeOther)

            // The manager sees it applied, and accepts: the mentor is enrolled.
            let (_, received) = try await client.page(board + "?state=applied", as: Self.manager)
            #expect(received.contains("applied, awaiting a decision") && received.contains("delegation 4/5 · up to 2 mentees") && received.contains("To give back"))
            let id = String(link.dropFirst("/applications/".count))
            let accepted = try await client.form(link + "/decision", ["csrf": "demo-manager-csrf", "decision": "accepted"], as: Self.manager)
            #expect(accepted.status == .seeOther && accepted.headers[.location] == board)
            #expect(try await store.allEnrolments(in: cycle.id).map(\.role) == [.mentor])

            // The API reads the same application, and refuses a decision on one never sent.
            let (status, json) = try await client.json(.get, "/api/v1/applications/\(id)")
            #expect(status == .ok && value(json, "state") as? String == "accepted" && value(json, "motivation") as? String == "To give back")
            let (_, list) = try await client.json(.get, "/api/v1/cycles/\(cycle.id)/applications?state=invited")
            let newcomerID = try #require(value(list, "items.0.id") as? String)
            let (refused, problem) = try await client.json(.post, "/api/v1/applications/\(newcomerID)/decision", #"{"decision":"accepted"}"#)
            #expect(refused == .unprocessableContent && messages(problem).contains("a decision needs an application sent"))
            let (withdrawnStatus, withdrawnBody) = try await client.json(.post, "/api/v1/applications/\(id)/decision", #"{"decision":"withdrawn"}"#)
            #expect(withdrawnStatus == .unprocessableContent && messages(withdrawnBody).contains("is not one of accepted, waitlisted, declined"))
            let (badRole, badRoleBody) = try await client.json(.get, "/api/v1/cycles/\(cycle.id)/applications?role=boss")
            #expect(badRole == .unprocessableContent && messages(badRoleBody).contains("'boss' is not one of mentor, mentee"))
            let (_, summary) = try await client.json(.post, "/api/v1/cycles/\(cycle.id)/invitations", #"{"invitations":[{"person":"\#(newcomer.externalID)","role":"mentee"}]}"#)
            #expect(value(summary, "alreadyInvited") as? [String] == [newcomer.name])
        }
    }
}
