import Foundation
import LodestarCore
import LodestarStore
@testable import LodestarServer
import LodestarTestSupport
import Testing

/// Succession in the browser and the API: a manager finds and flags someone, reads the pipeline,
/// removes the flag; the API says the same; a participant can reach none of it.
@Suite("Succession in the browser and the API")
struct SuccessionPagesTests {
    @Test("the manager flags someone found by name and removes the flag, each recorded; the API flags and lists; a mentor is refused everywhere",
          arguments: TestDatabase.allCases)
    func flagging(database: TestDatabase) async throws {
        try await DashboardPagesTests.withPilot(database) { client, store, programme in
            let manager = ApplicationPagesTests.manager, mentor = ApplicationPagesTests.mentor
            var enrolled: Set<Person.ID> = []
            for cycle in try await store.cycles(of: programme.id) { enrolled.formUnion(try await store.allEnrolments(in: cycle.id).map(\.personID)) }
            let demoFlags = Set(try await store.highPotentials().map(\.person.id))
            #expect(!demoFlags.isEmpty, "the demo flags its pilot's mentees and a few seniors")
            let outsider = try #require(try await store.allPeople().first { !enrolled.contains($0.id) && !demoFlags.contains($0.id) && $0.name.count > 4 })
            let surname = try #require(outsider.name.split(separator: " ").last).description

            let (_, found) = try await client.page("/succession?q=\(surname.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")", as: manager)
            #expect(found.contains(#"<input type="hidden" name="person" value="\#(outsider.id)">"#))
            let (_, nobody) = try await client.page("/succession?q=zzqx", as: manager)
            #expect(nobody.contains("<p>No one's name contains “zzqx”.</p>"), "an empty search says so")
            let flagged = try await client.form("/succession", ["csrf": "demo-manager-csrf", "person": outsider.id.description], as: manager)
            #expect(flagged.status == .seeOther && flagged.headers[.location] == "/succession")
            let (_, page) = try await client.page("/succession", as: manager)
            #expect(page.contains("<tr><td>\(outsider.name)</td>") && page.contains("<td data-label=\"In a programme\">not yet</td>"))
            #expect(page.contains("<li>\(outsider.name) · \(outsider.department)") && page.contains("flagged as a high potential by"))
            #expect(page.contains(#"<table class="list" id="pipeline">"#) && page.contains("<td>Delegation</td>"))
            let csv = try await client.execute(uri: "/succession.csv", method: .get, headers: manager.headers) { String(buffer: $0.body) }
            #expect(csv.hasPrefix("competency,name,assessed,ready_now,ready_soon,developing\r\n") && csv.contains("\r\ndelegation,Delegation,"))

            let removed = try await client.form("/succession/\(outsider.id)/remove", ["csrf": "demo-manager-csrf"], as: manager)
            #expect(removed.status == .seeOther)
            let (_, after) = try await client.page("/succession", as: manager)
            #expect(!after.contains("<tr><td>\(outsider.name)</td>") && after.contains("high-potential flag removed by"))

            let (status, state) = try await client.json(.put, "/api/v1/people/\(outsider.id)/high-potential", #"{"highPotential": true}"#)
            #expect(status == .ok && value(state, "highPotential") as? Bool == true && (value(state, "flaggedBy") as? String)?.isEmpty == false)
            let (_, succession) = try await client.json(.get, "/api/v1/succession")
            let listed = try #require((value(succession, "highPotentials") as? [[String: Any]])?.first { $0["externalId"] as? String == outsider.externalID })
            #expect(listed["inProgramme"] as? Bool == false && (value(succession, "pipeline") as? [Any])?.count == 4)
            let (unknownField, _) = try await client.json(.put, "/api/v1/people/\(outsider.id)/high-potential", #"{"highPotential": true, "why": "x"}"#)
            #expect(unknownField == .unprocessableContent || unknownField == .badRequest)

            #expect(try await client.page("/succession", as: mentor).0 == .forbidden)
            let refused = try await client.form("/succession", ["csrf": "demo-mentor-csrf", "person": outsider.id.description], as: mentor)
            #expect(refused.status == .forbidden)
            let (mentorAPI, _) = try await client.json(.get, "/api/v1/succession", as: mentor)
            #expect(mentorAPI == .forbidden)
            #expect(try await store.highPotentials().count == demoFlags.count + 1, "nothing the mentor sent was stored")
        }
    }
}
