import Foundation
import HTTPTypes
import LodestarCore
import LodestarServer
import LodestarStore
import LodestarTestSupport
import Testing

/// Webhooks as an integrator and an admin use them: through the API with a token, and on the page.
@Suite("Webhooks through the API and the Webhooks page")
struct WebhookAPITests {
    @Test("an integrator registers an endpoint, runs a programme through the API, and receives each event once, signed", arguments: TestDatabase.allCases)
    func journey(database: TestDatabase) async throws {
        let receiver = try await TestWebhookReceiver()
        let client = HTTPWebhookSender.makeClient()
        defer { Task { try? await client.shutdown() } }
        do {
            try await withAppAndStore(database) { api, store in
                let events = WebhookEvent.Kind.allCases.map { #""\#($0.rawValue)""# }.joined(separator: ",")
                let (registered, endpoint) = try await api.json(.post, "/api/v1/webhooks", #"{"url":"\#(receiver.url)","events":[\#(events)],"description":"HR system"}"#)
                #expect(registered == .created)
                let id = try #require(value(endpoint, "id") as? String)
                let secret = try #require(value(endpoint, "secret") as? String)
                #expect(secret.hasPrefix("whsec_") && secret.count > 40)

                let people = (1...2).map { IntegratorAPITests.person("M\($0)", level: 10) } + (1...2).map { IntegratorAPITests.person("E\($0)", level: 5) }
                #expect(try await api.json(.post, "/api/v1/people/import", "[" + people.joined(separator: ",") + "]").0 == .ok)
                #expect(try await api.json(.post, "/api/v1/people/import", "[" + people.joined(separator: ",") + "]").0 == .ok, "unchanged: no event")
                let (_, programme) = try await api.json(.post, "/api/v1/programmes",
                    #"{"name":"Hooks","format":"one-to-one","durationWeeks":26,"cadence":"monthly","focusCompetencies":["delegation"]}"#)
                _ = try await api.json(.put, "/api/v1/programmes/\(try #require(value(programme, "id") as? String))/readiness", Fixtures.readinessAllYes)
                let (_, cycle) = try await api.json(.post, "/api/v1/programmes/\(try #require(value(programme, "id") as? String))/cycles", #"{"name":"2028","state":"enrolling"}"#)
                let cycleID = try #require(value(cycle, "id") as? String)
                let enrolments = ["M1", "M2"].map { IntegratorAPITests.enrolment($0, mentor: true) } + ["E1", "E2"].map { IntegratorAPITests.enrolment($0, mentor: false) }
                #expect(try await api.json(.post, "/api/v1/cycles/\(cycleID)/enrolments/import", "[" + enrolments.joined(separator: ",") + "]").0 == .ok)
                #expect(try await api.json(.put, "/api/v1/cycles/\(cycleID)", #"{"state":"matching"}"#).0 == .ok)
                #expect(try await api.json(.post, "/api/v1/cycles/\(cycleID)/publish", #"{"seed":7}"#).0 == .created)
                let (_, relationships) = try await api.json(.get, "/api/v1/cycles/\(cycleID)/relationships")
                let first = try #require(value(relationships, "items.0.id") as? String)
                #expect(try await api.json(.post, "/api/v1/relationships/\(first)/end", #"{"reason":"moved abroad"}"#).0 == .ok)

                let now = Date()
                let round = try await WebhookDispatch(store: store, sender: HTTPWebhookSender(client: client)).run(now: now)
                #expect(round.delivered == 5 && round.sent == 5)
                let received = await receiver.received()
                #expect(received.map(\.event).sorted() == ["matching.published", "people.imported", "relationship.ended", "relationship.started", "relationship.started"])
                #expect(received.allSatisfy { WebhookSignature.verify($0.signature, secret: secret, body: $0.body, now: now) })
                #expect(Set(received.map(\.eventID)).count == 5)
                #expect(received.allSatisfy { !$0.body.contains("moved abroad") && !$0.body.contains("Person ") })

                let (_, failed) = try await api.json(.get, "/api/v1/webhooks/\(id)/deliveries?state=failed")
                #expect(value(failed, "total") as? Int == 0)
                #expect(try await api.json(.get, "/api/v1/webhooks/\(id)/deliveries?state=lost").0 == .unprocessableContent)
                let (_, log) = try await api.json(.get, "/api/v1/webhooks/\(id)/deliveries?state=delivered&limit=2")
                #expect(value(log, "total") as? Int == 5 && (value(log, "items") as? [Any])?.count == 2)
                #expect(value(log, "items.0.state") as? String == "delivered" && value(log, "items.0.lastStatus") as? Int == 204)
                let delivery = try #require(value(log, "items.0.id") as? String)
                let (resent, again) = try await api.json(.post, "/api/v1/webhooks/\(id)/deliveries/\(delivery)/redeliver")
                #expect(resent == .ok && value(again, "state") as? String == "waiting")
                #expect(try await WebhookDispatch(store: store, sender: HTTPWebhookSender(client: client)).run(now: Date()).delivered == 1)
                let repeated = await receiver.received()
                #expect(repeated.count == 6 && repeated[5].eventID == (value(again, "eventId") as? String), "sent again with the same event id")
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    @Test("the secret is shown only when made; changes are checked field by field; an endpoint can be paused, renewed and removed")
    func management() async throws {
        try await withApp { api in
            let (refused, problems) = try await api.json(.post, "/api/v1/webhooks", #"{"url":"http://hr.example.org/x","events":["people.imported","people.deleted"]}"#)
            #expect(refused == .unprocessableContent && Set(issueFields(problems)) == ["url", "events[1]"])
            let (unknown, unknownProblems) = try await api.json(.post, "/api/v1/webhooks", #"{"url":"https://hr.example.org/x","events":["people.imported"],"secrets":"x"}"#)
            #expect(unknown == .unprocessableContent && issueFields(unknownProblems) == ["secrets"])
            let (_, empty) = try await api.json(.get, "/api/v1/webhooks")
            #expect(value(empty, "total") as? Int == 0, "nothing refused is stored")

            let own = String(repeating: "s", count: 32)
            let (created, endpoint) = try await api.json(.post, "/api/v1/webhooks", #"{"url":"https://hr.example.org/x","events":["people.imported"],"secret":"\#(own)"}"#)
            #expect(created == .created && value(endpoint, "secret") as? String == own)
            let id = try #require(value(endpoint, "id") as? String)
            let (_, listed) = try await api.json(.get, "/api/v1/webhooks")
            let (_, read) = try await api.json(.get, "/api/v1/webhooks/\(id)")
            #expect(value(listed, "items.0.id") as? String == id && value(listed, "items.0.secret") == nil && value(read, "secret") == nil)
            let (paused, changed) = try await api.json(.patch, "/api/v1/webhooks/\(id)", #"{"active":false,"events":["meeting.held","relationship.at_risk"]}"#)
            #expect(paused == .ok && value(changed, "active") as? Bool == false && value(changed, "url") as? String == "https://hr.example.org/x")
            #expect(value(changed, "events") as? [String] == ["relationship.at_risk", "meeting.held"] && value(changed, "secret") == nil)
            #expect(try await api.json(.patch, "/api/v1/webhooks/\(id)", #"{"url":"ftp://hr.example.org"}"#).0 == .unprocessableContent)
            let (renewed, fresh) = try await api.json(.post, "/api/v1/webhooks/\(id)/secret")
            #expect(renewed == .ok && (value(fresh, "secret") as? String).map { $0 != own && $0.hasPrefix("whsec_") } == true)
            let gone = try await api.execute(uri: "/api/v1/webhooks/\(id)", method: .delete, headers: Caller.admin.headers) { $0.status }
            #expect(gone == .noContent)
            #expect(try await api.json(.get, "/api/v1/webhooks/\(id)").0 == .notFound)
            #expect(try await api.json(.get, "/api/v1/webhooks/not-an-id").0 == .notFound)
        }
    }

    @Test("the Webhooks page registers an endpoint, shows its secret once, logs its deliveries and removes it")
    func page() async throws {
        try await withAppAndStore { client, store in
            let (listStatus, list) = try await client.page("/admin/webhooks")
            #expect(listStatus == .ok && list.contains("Register an endpoint") && list.contains("relationship.at_risk"))
            let refused = try await client.form("/admin/webhooks", ["csrf": TestAccounts.csrf, "url": "http://hr.example.org/events", "event-people.imported": "1"])
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("use https"))
            #expect(String(buffer: refused.body).contains(#"value="http://hr.example.org/events""#), "what was typed is kept")
            let made = try await client.form("/admin/webhooks", ["csrf": TestAccounts.csrf, "url": "https://hr.example.org/events", "description": "HR system",
                                                                 "event-people.imported": "1", "active": "1"])
            let page = String(buffer: made.body)
            let secret = try #require(page.firstMatch(of: /whsec_[A-Za-z0-9_-]+/).map { String($0.0) })
            let endpoint = try #require(try await store.webhookEndpoints().first)
            #expect(made.status == .ok && endpoint.secret == secret && endpoint.events == [.peopleImported] && endpoint.active)
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let (_, shown) = try await client.page("/admin/webhooks/\(endpoint.id)")
            #expect(!shown.contains(secret), "the secret is shown once")
            #expect(shown.contains("<summary><code>people.imported") && shown.contains("waiting") && shown.contains("1 in all"))
            let (_, delivered) = try await client.page("/admin/webhooks/\(endpoint.id)?state=delivered")
            #expect(delivered.contains("0 in all") && !delivered.contains("<summary><code>people.imported"))
            #expect(try await client.page("/admin/webhooks/\(endpoint.id)?state=lost").0 == .unprocessableContent)
            let paused = try await client.form("/admin/webhooks/\(endpoint.id)", ["csrf": TestAccounts.csrf, "url": "https://hr.example.org/events",
                                                                                 "event-people.imported": "1", "event-meeting.held": "1"])
            #expect(paused.status == .seeOther)
            let stored = try #require(try await store.webhookEndpoint(endpoint.id))
            #expect(!stored.active && stored.events == [.peopleImported, .meetingHeld] && stored.secret == secret)
            let badChange = try await client.form("/admin/webhooks/\(endpoint.id)", ["csrf": TestAccounts.csrf, "url": "ftp://hr.example.org", "event-people.imported": "1"])
            #expect(badChange.status == .unprocessableContent && String(buffer: badChange.body).contains("use https"))
            let renewed = try await client.form("/admin/webhooks/\(endpoint.id)/secret", ["csrf": TestAccounts.csrf])
            let newSecret = try #require(String(buffer: renewed.body).firstMatch(of: /whsec_[A-Za-z0-9_-]+/).map { String($0.0) })
            let storedSecret = try await store.webhookEndpoint(endpoint.id)?.secret
            #expect(newSecret != secret && storedSecret == newSecret, "a new secret, shown once")
            // Sending a delivery again from the log: due now, one attempt more.
            var delivery = try #require(try await store.webhookDeliveries(of: endpoint.id, state: nil, page: .everything).items.first)
            (delivery.attempts, delivery.lastStatus, delivery.lastAttemptAt, delivery.nextAttemptAt) = (WebhookDelivery.maximumAttempts, 500, Date(), nil)
            try await store.save(delivery)
            let (_, failedLog) = try await client.page("/admin/webhooks/\(endpoint.id)?state=failed")
            #expect(failedLog.contains("given up") && failedLog.contains("Send again"))
            let resent = try await client.form("/admin/webhooks/\(endpoint.id)/deliveries/\(delivery.id)/redeliver", ["csrf": TestAccounts.csrf])
            #expect(resent.status == .seeOther)
            #expect(try await store.webhookDelivery(delivery.id)?.state == .waiting)
            let strange = try await client.form("/admin/webhooks/\(endpoint.id)/deliveries/\(UUID())/redeliver", ["csrf": TestAccounts.csrf])
            #expect(strange.status == .notFound)
            let removed = try await client.form("/admin/webhooks/\(endpoint.id)/remove", ["csrf": TestAccounts.csrf])
            #expect(removed.status == .seeOther)
            let left = try await store.webhookEndpoints()
            #expect(left.isEmpty)
        }
    }
}
