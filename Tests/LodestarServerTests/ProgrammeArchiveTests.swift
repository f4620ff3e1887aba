import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Archiving a programme: only with no cycle running; then kept, off the home page, changed no
/// more until restored — in the browser and the API, each change recorded.
@Suite("Archiving programmes")
struct ProgrammeArchiveTests {
    static let record = ProgrammeRecord(name: "Graduate Leaders 2025", objectives: "The 2025 graduates", focusCompetencies: ["delegation"],
                                        format: .oneToOne, durationWeeks: 26, cadence: .monthly)

    @Test("refused while a cycle runs; archived, it leaves the home page, refuses changes and new cycles, and comes back when restored",
          arguments: TestDatabase.allCases)
    func archiveAndRestore(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(database, demo: true) { client, store in
            let running = try await client.form("/programmes/\(demo.programme.id)/archive", ["csrf": TestAccounts.csrf])
            #expect(running.status == .unprocessableContent)
            #expect(String(buffer: running.body).contains("2027 cohort is enrolling; close a cycle (or move it back to draft) before archiving its programme"))
            #expect(try await store.programme(demo.programme.id)?.archivedAt == nil)

            let office = ProgrammeOffice(store: store, principal: .commandLine)
            let programme = try await office.create(Self.record)
            _ = try await office.startCycle(of: programme.id, name: "Spring")
            let path = "/programmes/\(programme.id)"
            #expect(try await client.form(path + "/archive", ["csrf": TestAccounts.csrf]).status == .seeOther)
            let (_, page) = try await client.page(path)
            #expect(page.contains(#"id="programme-archived">Archived on"#) && page.contains("Restore") && !page.contains("Open the next cycle"))
            #expect(page.contains("programme archived by \(TestAccounts.adminEmail)"))
            let (_, home) = try await client.page("/")
            let archivedSection = try #require(home.range(of: "<h2>Archived</h2>"))
            #expect(home[archivedSection.upperBound...].contains("Graduate Leaders 2025") && !home[..<archivedSection.lowerBound].contains("Graduate Leaders 2025"))

            // Archived, it changes no more: settings, cycles and their states are refused with the way out.
            let refused = await #expect(throws: ValidationError.self) { try await office.update(programme.id, with: Self.record) }
            #expect(refused?.issues.first?.message.contains("restore it to change it") == true)
            await #expect(throws: ValidationError.self) { try await office.startCycle(of: programme.id, name: nil) }
            let spring = try #require(try await store.cycles(of: programme.id).first)
            await #expect(throws: ValidationError.self) { try await office.setDates(of: spring.id, to: CycleDates(start: Date())) }
            let (enrolStatus, enrolBody) = try await client.json(.post, "/api/v1/cycles/\(spring.id)/enrolments/import", "[]")
            #expect(enrolStatus == .unprocessableContent && messages(enrolBody).contains("restore it to change it"))
            let (apiStatus, apiBody) = try await client.json(.post, "/api/v1/programmes/\(programme.id)/cycles", #"{"name":"Autumn"}"#)
            #expect(apiStatus == .unprocessableContent && messages(apiBody).contains("restore it to change it"))

            let (restored, body) = try await client.json(.post, "/api/v1/programmes/\(programme.id)/restore")
            #expect(restored == .ok && value(body, "archivedAt") == nil)
            #expect(try await client.json(.post, "/api/v1/programmes/\(programme.id)/restore").0 == .unprocessableContent)
            let (archived, again) = try await client.json(.post, "/api/v1/programmes/\(programme.id)/archive")
            #expect(archived == .ok && value(again, "archivedAt") is String)
            let (_, changes) = try await client.json(.get, "/api/v1/programmes/\(programme.id)/changes")
            #expect((value(changes, "items") as? [[String: Any]])?.compactMap { $0["kind"] as? String }
                    == ["programme.archived", "programme.restored", "programme.archived"])
        }
    }
}
