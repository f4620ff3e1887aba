import LodestarTestSupport
import Testing

@Suite("People API")
struct PeopleAPITests {
    static let chief = #"{"externalId":"P-1","name":"Amara Okafor","email":"Amara@Example.org","level":15,"timeZone":"Europe/London","department":"Executive"}"#

    @Test("creates, reads, updates and lists people with paging and a total", arguments: TestDatabase.allCases)
    func crud(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let (created, chief) = try await client.json(.post, "/api/v1/people", Self.chief)
            #expect(created == .created)
            #expect(value(chief, "email") as? String == "amara@example.org")
            let chiefID = try #require(value(chief, "id") as? String)
            let (_, report) = try await client.json(.post, "/api/v1/people",
                #"{"externalId":"P-2","name":"Zoë Müller","email":"zoe@example.org","level":13,"timeZone":"Europe/Berlin","managerExternalId":"P-1","department":"Engineering"}"#)
            #expect(value(report, "managerId") as? String == chiefID)
            let reportID = try #require(value(report, "id") as? String)

            let (ok, fetched) = try await client.json(.get, "/api/v1/people/\(reportID)")
            #expect(ok == .ok && value(fetched, "name") as? String == "Zoë Müller")

            let (updated, changed) = try await client.json(.put, "/api/v1/people/\(reportID)",
                #"{"externalId":"P-2","name":"Zoë Müller","email":"zoe@example.org","level":14,"timeZone":"Europe/Berlin"}"#)
            #expect(updated == .ok)
            #expect(value(changed, "level") as? Int == 14)
            #expect(value(changed, "managerId") as? String == chiefID, "an absent managerExternalId keeps the manager")

            let (_, page) = try await client.json(.get, "/api/v1/people?limit=1&offset=1")
            #expect(value(page, "total") as? Int == 2)
            #expect(value(page, "items.0.externalId") as? String == "P-2")
            let (_, search) = try await client.json(.get, "/api/v1/people?name=okaf&department=Executive")
            #expect(value(search, "total") as? Int == 1)
        }
    }

    @Test("answers 400 with a field message for a malformed body or a wrong type")
    func malformed() async throws {
        try await withApp { client in
            let (notJSON, body) = try await client.json(.post, "/api/v1/people", "{name: Amara")
            #expect(notJSON == .badRequest)
            #expect(issueFields(body) == ["body"])
            let (wrongType, typed) = try await client.json(.post, "/api/v1/people", Self.chief.replacingOccurrences(of: "15", with: "\"fifteen\""))
            #expect(wrongType == .badRequest)
            #expect(issueFields(typed) == ["level"])
            let (missing, absent) = try await client.json(.post, "/api/v1/people", #"{"name":"A"}"#)
            #expect(missing == .badRequest)
            #expect(issueFields(absent) == ["externalId"])
            let (empty, _) = try await client.json(.post, "/api/v1/people", nil)
            #expect(empty == .badRequest)
        }
    }

    @Test("answers 422 naming every invalid field in the API's own words")
    func invalidValues() async throws {
        try await withApp { client in
            _ = try await client.json(.post, "/api/v1/people", Self.chief)
            let (status, body) = try await client.json(.post, "/api/v1/people",
                #"{"externalId":"P-1","name":"","email":"amara@example.org","level":99,"timeZone":"Mars/Base","managerExternalId":"P-404"}"#)
            #expect(status == .unprocessableContent)
            #expect(issueFields(body) == ["name", "level", "timeZone", "externalId", "email", "managerExternalId"])
            let (_, list) = try await client.json(.get, "/api/v1/people")
            #expect(value(list, "total") as? Int == 1)
        }
    }

    @Test("answers 404 for an unknown or malformed id, and 422 for bad paging")
    func notFound() async throws {
        try await withApp { client in
            let (unknown, body) = try await client.json(.get, "/api/v1/people/6f1c4d0e-0000-4000-8000-000000000000")
            #expect(unknown == .notFound)
            #expect((value(body, "error") as? String)?.hasPrefix("No person with id") == true)
            let (malformed, _) = try await client.json(.put, "/api/v1/people/not-an-id", Self.chief)
            #expect(malformed == .notFound)
            let (paging, issues) = try await client.json(.get, "/api/v1/people?limit=0&offset=x")
            #expect(paging == .unprocessableContent)
            #expect(issueFields(issues) == ["offset"])
        }
    }
}
