import Foundation
import LodestarCore
import LodestarServer
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Webhooks: events queued with what they report, signed deliveries, retries")
struct WebhookStoreTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func registry(_ store: FluentStore) -> WebhookRegistry {
        WebhookRegistry(store: store, principal: .commandLine, credentials: TestAccounts.credentials)
    }

    @Test("a published matching reaches each endpoint subscribed to its events once, naming no one; a paused endpoint's wait", arguments: TestDatabase.allCases)
    func publication(database: TestDatabase) async throws {
        try await database.withStore { store in
            let registry = Self.registry(store)
            let hr = try await registry.register(WebhookSettings(url: "https://hr.example.org/events", events: ["matching.published", "relationship.started"]), now: Self.start)
            let meetings = try await registry.register(WebhookSettings(url: "https://crm.example.org/events", events: ["meeting.held"]), now: Self.start)
            let paused = try await registry.register(WebhookSettings(url: "https://bi.example.org/events", events: ["relationship.started"], active: false), now: Self.start)
            let (demo, manager, _) = try await MatchingPublicationStoreTests.demoInMatching(store)
            let outcome = try await MatchingPublication(store: store, principal: manager).publish(demo.cycle.id, now: Self.start)
            let toHR = try await store.webhookDeliveries(of: hr.id, state: nil, page: .everything).items
            #expect(toHR.count == outcome.relationships.count + 1)
            #expect(toHR.filter { $0.kind == .matchingPublished }.count == 1)
            #expect(Set(toHR.map(\.eventID)).count == toHR.count, "each event once")
            #expect(try await store.webhookDeliveries(of: meetings.id, state: nil, page: .everything).total == 0, "no event it did not subscribe to")
            #expect(try await store.webhookDeliveries(of: paused.id, state: nil, page: .everything).total == outcome.relationships.count)
            // What an integration is told: identifiers, counts and dates — never a name or an email.
            let started = try #require(toHR.first { $0.kind == .relationshipStarted })
            let payload = try JSONSerialization.jsonObject(with: Data(started.payload.utf8)) as? [String: Any]
            let data = payload?["data"] as? [String: Any]
            #expect(payload?["type"] as? String == "relationship.started" && payload?["id"] as? String == started.eventID.description)
            #expect(outcome.relationships.map(\.id.description).contains(data?["relationshipId"] as? String ?? ""))
            let everything = toHR.map(\.payload).joined()
            #expect(demo.people.allSatisfy { !everything.contains($0.name) && !everything.contains($0.email) })
            // Only the active endpoint's deliveries are claimed; the paused one's wait for it.
            // A round sends batch after batch while they come full.
            let sender = CountingSender()
            #expect(try await WebhookDispatch(store: store, sender: sender).drain(limit: 7, now: Self.start.addingTimeInterval(-1)).sent == 0, "nothing due before it happened")
            let drained = try await WebhookDispatch(store: store, sender: sender).drain(limit: 7, batches: 2, now: Self.start)
            #expect(drained.delivered == 14 && sender.count == 14, "two full batches, then the round ends")
            let due = try await store.claimDueDeliveries(limit: 500, now: Self.start, claim: 60)
            #expect(due.count == toHR.count - 14 && due.allSatisfy { $0.endpointID == hr.id })
            #expect(try await store.claimDueDeliveries(limit: 500, now: Self.start, claim: 60).isEmpty, "a claimed delivery is not claimed again")
        }
    }

    @Test("a pair at risk, a meeting held and an ending are told once each, without the note, the reason or a name", arguments: TestDatabase.allCases)
    func workspaceEvents(database: TestDatabase) async throws {
        try await database.withStore { store in
            let now = NudgesStoreTests.now
            // The demo programme meets monthly: 100 days without a meeting is at risk.
            let (relationship, mentor, mentee, demo, _) = try await NudgesStoreTests.activePair(store, since: now.addingTimeInterval(-100 * 86400))
            let endpoint = try await Self.registry(store).register(WebhookSettings(url: "https://hr.example.org/events", events: WebhookEvent.Kind.allCases.map(\.rawValue)),
                                                                   now: now)
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            _ = try await workspace.addNote(relationship.id, text: "Private: thinking of leaving the company", shared: false, now: now)
            #expect(try await Nudges(store: store).run(now: now).nudges == 1)
            #expect(try await Nudges(store: store).run(now: now.addingTimeInterval(3600)).nudges == 0)
            _ = try await workspace.logMeeting(relationship.id, heldOn: now, minutes: 45, mode: .virtual, now: now)
            _ = try await RelationshipWorkspace(store: store, principal: mentor).end(relationship.id, reason: "Confidential: a restructuring", now: now)
            let log = try await store.webhookDeliveries(of: endpoint.id, state: nil, page: .everything).items
            #expect(log.map(\.kind).sorted() == [.relationshipEnded, .relationshipAtRisk, .meetingHeld])
            let payloads = log.map(\.payload).joined()
            #expect(!payloads.contains("leaving") && !payloads.contains("restructuring"), "no note text, no reason")
            #expect(demo.people.allSatisfy { !payloads.contains($0.name) && !payloads.contains($0.email) })
            let held = try #require(log.first { $0.kind == .meetingHeld })
            #expect(held.payload.contains(#""minutes":45"#) && held.payload.contains(relationship.id.description))
            let ended = try #require(log.first { $0.kind == .relationshipEnded })
            #expect(ended.payload.contains(#""endedAt""#))
        }
    }

    @Test("a receiver that fails is tried again after growing pauses, verifies every signature, and sees one event id", arguments: TestDatabase.allCases)
    func retries(database: TestDatabase) async throws {
        let receiver = try await TestWebhookReceiver { $0 <= 2 ? .internalServerError : .noContent }
        let client = HTTPWebhookSender.makeClient()
        defer { Task { try? await client.shutdown() } }
        do {
            try await database.withStore { store in
                let endpoint = try await Self.registry(store).register(WebhookSettings(url: receiver.url, events: ["people.imported"]), now: Self.start)
                _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Self.start)
                let dispatch = WebhookDispatch(store: store, sender: HTTPWebhookSender(client: client))
                var times: [Date] = []
                func round(_ seconds: TimeInterval) async throws -> WebhookDispatch.Outcome {
                    times.append(Self.start.addingTimeInterval(seconds))
                    return try await dispatch.run(now: Self.start.addingTimeInterval(seconds))
                }
                #expect(try await round(0).retrying == 1)
                #expect(try await round(29).sent == 0, "not before its pause of 30 s")
                #expect(try await round(30).retrying == 1)
                #expect(try await round(149).sent == 0, "the second pause is 2 minutes")
                #expect(try await round(150).delivered == 1)
                let delivery = try #require(try await store.webhookDeliveries(of: endpoint.id, state: nil, page: .everything).items.first)
                #expect(delivery.state == .delivered && delivery.attempts == 3 && delivery.lastStatus == 204 && delivery.lastError == nil)
                let received = await receiver.received()
                #expect(received.count == 3 && Set(received.map(\.eventID)) == [delivery.eventID.description])
                #expect(received.allSatisfy { $0.event == "people.imported" && $0.body == delivery.payload })
                for (attempt, time) in zip(received, [times[0], times[2], times[4]]) {
                    #expect(WebhookSignature.verify(attempt.signature, secret: endpoint.secret, body: attempt.body, now: time))
                    #expect(!WebhookSignature.verify(attempt.signature, secret: endpoint.secret + "x", body: attempt.body, now: time), "another secret does not verify")
                    #expect(!WebhookSignature.verify(attempt.signature, secret: endpoint.secret, body: attempt.body + " ", now: time), "a changed body does not verify")
                    #expect(!WebhookSignature.verify(attempt.signature, secret: endpoint.secret, body: attempt.body, now: time.addingTimeInterval(301)), "an old signature is refused")
                }
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    @Test("an endpoint that keeps failing is given up after eight attempts over about fifteen hours; sending again gives it one more", arguments: TestDatabase.allCases)
    func givingUp(database: TestDatabase) async throws {
        let receiver = try await TestWebhookReceiver { _ in .serviceUnavailable }
        let client = HTTPWebhookSender.makeClient()
        defer { Task { try? await client.shutdown() } }
        do {
            try await database.withStore { store in
                let registry = Self.registry(store)
                let endpoint = try await registry.register(WebhookSettings(url: receiver.url, events: ["people.imported"]), now: Self.start)
                _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Self.start)
                let dispatch = WebhookDispatch(store: store, sender: HTTPWebhookSender(client: client))
                var now = Self.start
                for attempt in 1...WebhookDelivery.maximumAttempts {
                    #expect(try await dispatch.run(now: now).sent == 1)
                    let delivery = try #require(try await store.webhookDeliveries(of: endpoint.id, state: nil, page: .everything).items.first)
                    #expect(delivery.attempts == attempt && delivery.lastStatus == 503 && delivery.lastError == "answered HTTP 503")
                    guard let next = delivery.nextAttemptAt else {
                        #expect(attempt == WebhookDelivery.maximumAttempts && delivery.state == .failed)
                        break
                    }
                    now = next
                }
                #expect(now.timeIntervalSince(Self.start) > 14 * 3600 && now.timeIntervalSince(Self.start) < 17 * 3600)
                #expect(try await dispatch.run(now: now.addingTimeInterval(86400)).sent == 0, "given up: not tried again by itself")
                #expect(try await store.webhookBacklog().waiting == 0)
                // Moved to an address where nothing listens (port 9), and sent again: one more
                // attempt, which finds no one, and is given up again.
                _ = try await registry.update(endpoint.id, with: WebhookSettings(url: "http://127.0.0.1:9/events"))
                let failed = try #require(try await store.webhookDeliveries(of: endpoint.id, state: nil, page: .everything).items.first)
                let again = try await registry.redeliver(failed.id, of: endpoint.id, now: now)
                #expect(again.state == .waiting)
                #expect(try await store.webhookBacklog().waiting == 1)
                #expect(try await dispatch.run(now: now).failed == 1)
                let unreachable = try #require(try await store.webhookDelivery(failed.id))
                #expect(unreachable.state == .failed && unreachable.lastStatus == nil && unreachable.lastError != nil)
                #expect(await receiver.received().count == WebhookDelivery.maximumAttempts)
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    /// The fields a registration is refused for (none when it is made).
    static func refusedFields(_ settings: WebhookSettings, registry: WebhookRegistry) async -> [String] {
        do {
            _ = try await registry.register(settings, now: start)
            return []
        } catch let error as ValidationError {
            return error.issues.map(\.field)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("registering refuses what an endpoint cannot be, field by field")
    func refusals() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let issues = { (settings: WebhookSettings) in await Self.refusedFields(settings, registry: Self.registry(store)) }
            #expect(await issues(WebhookSettings(url: "http://hr.example.org/events", events: ["people.imported"])) == ["url"], "http only to this machine")
            #expect(await issues(WebhookSettings(url: "https://user:pw@hr.example.org/", events: ["people.imported"])) == ["url"])
            #expect(await issues(WebhookSettings(url: "not an address", events: ["people.imported"])) == ["url"])
            #expect(await issues(WebhookSettings(url: "https://hr.example.org/", events: ["people.imported", "people.deleted"])) == ["events[1]"])
            #expect(await issues(WebhookSettings(url: "https://hr.example.org/", events: [])) == ["events"])
            #expect(await issues(WebhookSettings(url: "https://hr.example.org/", events: ["meeting.held"], secret: "short")) == ["secret"])
            #expect(await issues(WebhookSettings(events: ["meeting.held"])) == ["url"])
            let stored = try await store.webhookEndpoints()
            #expect(stored.isEmpty, "nothing refused is stored")
            let mentorOnly = Principal(account: Account(email: "m@example.org", personID: nil, passwordHash: "", isAdmin: false, createdAt: Self.start), person: nil,
                                       managedProgrammes: [], enrolments: [])
            await #expect(throws: AccessDenied.self) {
                try await WebhookRegistry(store: store, principal: mentorOnly, credentials: TestAccounts.credentials).endpoints()
            }
        }
    }
}

/// A receiver that answers every delivery 204, counting them.
final class CountingSender: WebhookSender, @unchecked Sendable {
    private let lock = NSLock()
    private var sent = 0
    var count: Int { lock.withLock { sent } }

    func send(_ delivery: WebhookDelivery, to endpoint: WebhookEndpoint, now: Date) async -> WebhookAttempt {
        lock.withLock { sent += 1 }
        return .answered(204)
    }
}
