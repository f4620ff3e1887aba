import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarTestSupport
import NIOCore
import Testing

/// ETag and If-Match: a change made on a stale read is refused with 409, never lost.
@Suite("Conditional updates")
struct ConditionalUpdateTests {
    static let person = #"{"externalId":"P-1","name":"Amara Okafor","email":"amara@example.org","level":15,"timeZone":"Europe/London"}"#

    func put(_ client: any TestClientProtocol, _ path: String, _ body: String, ifMatch: String?, method: HTTPRequest.Method = .put) async throws -> (HTTPResponse.Status, String?) {
        var headers = Caller.admin.headers
        headers[.contentType] = "application/json"
        if let ifMatch { headers[.ifMatch] = ifMatch }
        return try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: body)) { ($0.status, $0.headers[.eTag]) }
    }

    @Test("a competency and a webhook endpoint carry an ETag; a change on a stale one is refused with 409", arguments: TestDatabase.allCases)
    func catalogueAndWebhooks(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let competency = "/api/v1/competencies/strategic-thinking"
            let tag = try #require(try await client.execute(uri: competency, method: .get, headers: Caller.admin.headers) { $0.headers[.eTag] })
            let renamed = #"{"slug":"strategic-thinking","name":"Strategy","summary":"Seeing the whole"}"#
            let (changed, newTag) = try await put(client, competency, renamed, ifMatch: tag)
            #expect(changed == .ok && newTag != tag)
            #expect(try await put(client, competency, renamed.replacing("Strategy", with: "Other"), ifMatch: tag).0 == .conflict)
            let (_, stored) = try await client.json(.get, competency)
            #expect(value(stored, "name") as? String == "Strategy")
            #expect(try await client.json(.get, "/api/v1/competencies/no-such-thing").0 == .notFound)

            let (_, endpoint) = try await client.json(.post, "/api/v1/webhooks", #"{"url":"https://hr.example.org/e","events":["people.imported"]}"#)
            let webhook = "/api/v1/webhooks/\(try #require(value(endpoint, "id") as? String))"
            let read = try #require(try await client.execute(uri: webhook, method: .get, headers: Caller.admin.headers) { $0.headers[.eTag] })
            #expect(try await client.json(.post, "\(webhook)/secret").0 == .ok)
            let (stale, _) = try await put(client, webhook, #"{"active":false}"#, ifMatch: read, method: .patch)
            #expect(stale == .conflict, "a new secret is a change too")
            let current = try #require(try await client.execute(uri: webhook, method: .get, headers: Caller.admin.headers) { $0.headers[.eTag] })
            #expect(try await put(client, webhook, #"{"active":false}"#, ifMatch: current, method: .patch).0 == .ok)
        }
    }

    @Test("a PUT with a stale If-Match is refused with 409 and changes nothing; the current tag goes through", arguments: TestDatabase.allCases)
    func staleRefused(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let (_, created) = try await client.json(.post, "/api/v1/people", Self.person)
            let path = "/api/v1/people/\(try #require(value(created, "id") as? String))"
            let read = try await client.execute(uri: path, method: .get, headers: Caller.admin.headers) { $0.headers[.eTag] }
            let tag = try #require(read)
            let (changed, newTag) = try await put(client, path, Self.person.replacing("Amara Okafor", with: "Amara O."), ifMatch: tag)
            #expect(changed == .ok && newTag != nil && newTag != tag)
            let (stale, _) = try await put(client, path, Self.person.replacing("Amara Okafor", with: "Someone else"), ifMatch: tag)
            #expect(stale == .conflict)
            let (_, now) = try await client.json(.get, path)
            #expect(value(now, "name") as? String == "Amara O.", "the refused change wrote nothing")
            #expect(try await put(client, path, Self.person, ifMatch: newTag).0 == .ok)
            #expect(try await put(client, path, Self.person.replacing("Amara Okafor", with: "No condition"), ifMatch: nil).0 == .ok)
        }
    }

    @Test("of five PUTs on one read at the same moment, one is made and the others are refused, never lost", arguments: TestDatabase.allCases)
    func concurrentWritersOneWins(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let (_, created) = try await client.json(.post, "/api/v1/people", Self.person)
            let path = "/api/v1/people/\(try #require(value(created, "id") as? String))"
            let tag = try #require(try await client.execute(uri: path, method: .get, headers: Caller.admin.headers) { $0.headers[.eTag] })
            let outcomes = try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status).self) { group in
                for writer in 1...5 {
                    group.addTask { (writer, try await put(client, path, Self.person.replacing("Amara Okafor", with: "Writer \(writer)"), ifMatch: tag).0) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.filter { $0.1 == .ok }
            #expect(winners.count == 1, "\(outcomes)")
            // SQLite refuses a second writer on a stale read as busy (503, try again); PostgreSQL waits for the lock, then 409.
            #expect(outcomes.allSatisfy { $0.1 == .ok || $0.1 == .conflict || $0.1 == .serviceUnavailable })
            let (_, stored) = try await client.json(.get, path)
            #expect(value(stored, "name") as? String == "Writer \(try #require(winners.first).0)")
        }
    }
}
