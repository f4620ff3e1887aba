import LodestarTestSupport
import Testing

@Suite("Health")
struct HealthTests {
    @Test("answers 200 with JSON naming the database", arguments: TestDatabase.allCases)
    func health(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let (status, json) = try await client.json(.get, "/health")
            #expect(status == .ok)
            #expect(value(json, "status") as? String == "ok")
            #expect(value(json, "database") as? String == database.rawValue)
        }
    }
}
