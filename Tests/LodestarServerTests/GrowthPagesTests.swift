import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Competency assessment in the browser and the API: the mentor rates their mentee from the
/// workspace's link (a missing rating named beside its competency); the manager reads the cycle's
/// means, hidden below five mentees.
@Suite("Growth in the browser and the API")
struct GrowthPagesTests {
    @Test("the mentor rates their mentee from the workspace; the cycle's growth hides fewer than five", arguments: TestDatabase.allCases)
    func journey(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(database, demo: true, prepare: ApplicationPagesTests.signIn) { client, store in
            let manager = ApplicationPagesTests.manager, mentor = ApplicationPagesTests.mentor
            let (relationship, mentee) = try await SurveyPagesTests.activePair(demo, since: Date(), store)

            let (_, workspace) = try await client.page("/relationships/\(relationship.id)", as: mentor)
            let growth = "/enrolments/\(mentee.id)/growth"
            #expect(workspace.contains(#"<a href="\#(growth)">Rate "#))
            let (_, page) = try await client.page(growth, as: mentor)
            #expect(page.contains("At the start of the cycle") && page.contains("At the end of the cycle") && page.contains("No ratings yet."))
            let focus = demo.programme.focusCompetencies
            var fields = ["csrf": "demo-mentor-csrf", "moment": "start", "note": "A strong start"]
            for slug in focus.dropLast() { fields[slug] = "3" }
            let missing = try await client.form(growth, fields, as: mentor)
            #expect(missing.status == .unprocessableContent && String(buffer: missing.body).contains("rate it from 1 (just beginning) to 5 (a strength)"))
            fields[try #require(focus.last)] = "4"
            #expect(try await client.form(growth, fields, as: mentor).status == .seeOther)
            let (_, rated) = try await client.page(growth, as: mentor)
            #expect(rated.contains("<th>Mentor</th>") && rated.contains("<td>3 → …</td>") && rated.contains(">A strong start</textarea>"))
            let (status, _) = try await client.page(growth, as: manager)
            #expect(status == .notFound, "a mentee's ratings are not the programme manager's to read")

            let (_, cohort) = try await client.page("/cycles/\(demo.cycle.id)/growth", as: manager)
            #expect(cohort.contains("none yet"))
            let (_, json) = try await client.json(.get, "/api/v1/cycles/\(demo.cycle.id)/growth")
            #expect((value(json, "lines") as? [[String: Any]])?.count == focus.count)
        }
    }
}

/// A certificate's page and PDF: open to anyone with its code, which is how it is verified.
@Suite("Certificates in the browser")
struct CertificatePagesTests {
    @Test("the mentor's home links their certificate; its page says it is genuine, prints alone and downloads as a PDF; a made-up code is not found")
    func certificate() async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(.sqlite, demo: true, prepare: ApplicationPagesTests.signIn) { client, store in
            let (relationship, _) = try await SurveyPagesTests.activePair(demo, since: Date(timeIntervalSinceNow: -90 * 86400), store)
            let certificate = Certificate(personID: relationship.mentorPerson, cycleID: demo.cycle.id, role: .mentor, issuedAt: Date())
            try await store.save(certificate)
            let (_, home) = try await client.page("/", as: ApplicationPagesTests.mentor)
            #expect(home.contains(#"<a href="/certificates/\#(certificate.code)">Your certificate</a>"#))

            let name = try #require(demo.people.first { $0.id == relationship.mentorPerson }?.name)
            let (status, page) = try await client.page("/certificates/\(certificate.code)", as: .anonymous)
            #expect(status == .ok && page.contains("Genuine: this certificate was issued by Lodestar") && page.contains("<h1>\(name)</h1>"))
            #expect(page.contains("completed Rising Leaders · 2027 cohort as a mentor"))
            let pdf = try await client.execute(uri: "/certificates/\(certificate.code)/pdf", method: .get, headers: [:]) { $0 }
            let bytes = Data(pdf.body.readableBytesView)
            #expect(pdf.headers[.contentType] == "application/pdf" && bytes.starts(with: Data("%PDF-1.4".utf8)) && bytes.suffix(6) == Data("%%EOF\n".utf8))
            #expect(bytes.range(of: Data(name.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })) != nil, "the name, in the PDF's Latin-1 text")
            let (missing, _) = try await client.page("/certificates/ZZZZZZZZZZZZZZZZ", as: .anonymous)
            #expect(missing == .notFound)
        }
    }
}
