import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
import LodestarStore
import LodestarTestSupport
import NIOCore
import Testing

/// Tokens, the outbox, calendar feeds, mentee choice, speed mentoring and pairs by hand through
/// the API, with the pages' rules.
@Suite("The API beyond the plan")
struct FormatsAPITests {
    @Test("a signed-in admin makes, lists and revokes tokens; a token can't; the outbox hides one-time links; a feed address is made once")
    func administration() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withAppAndStore(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client, store in
            let (created, token) = try await client.json(.post, "/api/v1/tokens", #"{"name":"HRIS sync","scope":"read"}"#, as: .adminBrowser)
            #expect(created == .created && value(token, "scope") as? String == "read")
            let secret = try #require(value(token, "token") as? String)
            let tokenID = try #require(value(token, "id") as? String)
            #expect(try await client.json(.get, "/api/v1/people?limit=1", as: .token(secret)).0 == .ok)
            let (_, listed) = try await client.json(.get, "/api/v1/tokens", as: .adminBrowser)
            #expect((value(listed, "total") as? Int ?? 0) >= 2 && !String(describing: listed).contains(secret), "a token is shown once")
            let (minted, refusal) = try await client.json(.post, "/api/v1/tokens", #"{"name":"shadow","scope":"write"}"#, as: .admin)
            #expect(minted == .forbidden && messages(refusal).contains("not by another token"))
            #expect(try await client.execute(uri: "/api/v1/tokens/\(tokenID)", method: .delete, headers: Caller.adminBrowser.headers) { $0.status } == .noContent)
            #expect(try await client.json(.get, "/api/v1/people?limit=1", as: .token(secret)).0 == .unauthorized)

            _ = try await client.execute(uri: "/forgot-password", method: .post,
                                         headers: [.cookie: "lodestar_form=f", .contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: "csrf=f&email=\(TestAccounts.adminEmail)")) { $0.status }
            let link = try #require(try await linkToken(sentTo: TestAccounts.adminEmail, in: store))
            let (_, outbox) = try await client.json(.get, "/api/v1/outbox?limit=500")
            #expect((value(outbox, "total") as? Int ?? 0) >= 1 && !String(describing: outbox).contains(link))

            let mentee = try #require(callers.value[.mentee])
            let (made, feed) = try await client.json(.post, "/api/v1/calendar-feed", as: mentee)
            let address = try #require(value(feed, "address") as? String)
            #expect(made == .created && address.contains("/calendar/"))
            let path = String(address[address.range(of: "/calendar/")!.lowerBound...])
            #expect(try await client.execute(uri: path, method: .get) { $0.status } == .ok)
        }
    }

    @Test("a mentee chooses through the API; the first mentor declines, the second accepts and the relationship starts")
    func choice() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await prepareMenteeChoice(in: store, demo: demo, callers: callers) }) { client in
            let mentee = try #require(callers.value[.mentee])
            let path = "/api/v1/cycles/\(demo.cycle.id)/choice"
            let (_, choosing) = try await client.json(.get, path, as: mentee)
            let shortlist = (value(choosing, "shortlist") as? [[String: Any]] ?? []).compactMap { $0["mentorEnrolmentId"] as? String }
            #expect(shortlist.count >= 2 && value(choosing, "maximumRequests") as? Int == 2)
            let (twice, _) = try await client.json(.post, path, #"{"mentors":["\#(shortlist[0])","\#(shortlist[0])"]}"#, as: mentee)
            #expect(twice == .unprocessableContent)
            let (sent, requests) = try await client.json(.post, path, #"{"mentors":["\#(shortlist[0])","\#(shortlist[1])"]}"#, as: mentee)
            #expect(sent == .ok && value(requests, "requests.0.state") as? String == "pending" && value(requests, "requests.1.state") as? String == "waiting")
            let first = Caller.session("mentor-\(shortlist[0])", csrf: "csrf-mentor"), second = Caller.session("mentor-\(shortlist[1])", csrf: "csrf-mentor")
            let (_, inbox) = try await client.json(.get, "/api/v1/mentor-requests", as: first)
            let request = try #require(value(inbox, "0.id") as? String)
            let (unkind, _) = try await client.json(.post, "/api/v1/mentor-requests/\(request)/decline", #"{}"#, as: first)
            #expect(unkind == .unprocessableContent)
            var declining = first.headers
            declining[.contentType] = "application/json"
            let declined = try await client.execute(uri: "/api/v1/mentor-requests/\(request)/decline", method: .post, headers: declining,
                                                    body: ByteBuffer(string: #"{"reason":"Travelling all spring"}"#)) { $0.status }
            #expect(declined == .noContent)
            let (_, passed) = try await client.json(.get, "/api/v1/mentor-requests", as: second)
            let next = try #require(value(passed, "0.id") as? String)
            let (accepted, relationship) = try await client.json(.post, "/api/v1/mentor-requests/\(next)/accept", as: second)
            #expect(accepted == .created && value(relationship, "menteeEnrolmentIds.0") as? String == callers.menteeEnrolment)
        }
    }

    /// The demo with its programme and cycle changed before the app starts.
    static func demo(_ change: @escaping @Sendable (inout Programme, inout Cycle) -> Void, callers: CallerBox, _ body: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        let demo = DemoOrganisation()
        try await withApp(demo: true, prepare: { store in
            try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers)
            var programme = try #require(try await store.programme(demo.programme.id)), cycle = try #require(try await store.cycle(demo.cycle.id))
            change(&programme, &cycle)
            try await store.save(programme)
            try await store.save(cycle)
        }, body)
    }

    @Test("a manager plans a speed-mentoring event; a participant reads their rounds as a calendar")
    func speed() async throws {
        let callers = CallerBox()
        let cycle = DemoOrganisation().cycle.id
        try await Self.demo({ programme, _ in programme.format = .speed }, callers: callers) { client in
            let manager = try #require(callers.value[.manager])
            let speed = "/api/v1/cycles/\(cycle)/speed"
            let (badTime, _) = try await client.json(.post, speed, #"{"date":"2099-02-30","time":"16:00","timeZone":"Europe/London","rounds":3,"minutes":10,"pause":2}"#, as: manager)
            #expect(badTime == .unprocessableContent)
            let (planned, event) = try await client.json(.post, speed, #"{"date":"2099-04-20","time":"16:00","timeZone":"Europe/London","rounds":3,"minutes":10,"pause":2,"place":"Atrium"}"#, as: manager)
            #expect(planned == .ok && value(event, "planned") as? Bool == true && value(event, "rounds") as? Int == 3)
            #expect(((value(event, "seats") as? [Any])?.count ?? 0) > 0)
            let (mine, calendar) = try await client.execute(uri: "\(speed)/calendar", method: .get, headers: try #require(callers.value[.mentee]).headers) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(mine == .ok && calendar.contains("BEGIN:VEVENT"))
        }
    }

    @Test("a manager pairs a mentee by hand in an active cycle; the mentee leaves the candidates")
    func pairs() async throws {
        let callers = CallerBox()
        let cycle = DemoOrganisation().cycle.id
        try await Self.demo({ _, cycle in cycle.state = .active }, callers: callers) { client in
            let manager = try #require(callers.value[.manager])
            let pairs = "/api/v1/cycles/\(cycle)/pairs"
            let (_, candidates) = try await client.json(.get, pairs, as: manager)
            let mentee = try #require(value(candidates, "mentees.0.enrolmentId") as? String)
            let mentors = (value(candidates, "mentors") as? [[String: Any]] ?? []).compactMap { $0["enrolmentId"] as? String }
            #expect(!mentors.isEmpty)
            var paired: HTTPResponse.Status = .unprocessableContent
            for mentor in mentors where paired != .created {
                paired = try await client.json(.post, pairs, #"{"mentee":"\#(mentee)","mentor":"\#(mentor)"}"#, as: manager).0
            }
            #expect(paired == .created)
            let (_, after) = try await client.json(.get, pairs, as: manager)
            #expect(!((value(after, "mentees") as? [[String: Any]] ?? []).contains { $0["enrolmentId"] as? String == mentee }))
        }
    }
}
