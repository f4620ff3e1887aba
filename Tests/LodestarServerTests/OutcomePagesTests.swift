import Foundation
import LodestarCore
import LodestarStore
@testable import LodestarServer
import LodestarTestSupport
import Testing

/// Outcome lift in the browser and the API, on the demo's pilot and its HR outcomes.
@Suite("Outcome lift in the browser and the API")
struct OutcomePagesTests {
    @Test("the manager reads the pilot's lift — figures, interval, method — and its CSV, as the API says; a mentor is refused",
          arguments: TestDatabase.allCases)
    func lift(database: TestDatabase) async throws {
        try await DashboardPagesTests.withPilot(database) { client, store, programme in
            let manager = ApplicationPagesTests.manager, mentor = ApplicationPagesTests.mentor
            let lift = try await Outcomes(store: store, principal: .commandLine).lift(of: programme.id, now: Date())
            let retention = try #require(lift.lift.retention.measure)

            let (_, dashboard) = try await client.page("/programmes/\(programme.id)/dashboard", as: manager)
            #expect(dashboard.contains(#"<a href="/programmes/\#(programme.id)/outcomes" id="outcomes-link">Outcomes</a>"#))
            let (status, page) = try await client.page("/programmes/\(programme.id)/outcomes", as: manager)
            #expect(status == .ok)
            let rate = OutcomeLiftView.percent(retention.participantRate), interval = "\(OutcomeLiftView.points(retention.low)) to \(OutcomeLiftView.points(retention.high))"
            #expect(page.contains("<tr><td>Still employed a year on</td><td class=\"num\">\(retention.participants)</td><td class=\"num\">\(rate)</td>"))
            #expect(page.contains("<td class=\"num\">\(interval)</td></tr>"))
            #expect(page.contains(#"<p id="method">Each cycle that has begun is a cohort"#) && page.contains(">2026 pilot</a></td>"))
            #expect(page.contains(#"aria-labelledby="lift-title lift-desc""#), "the chart stands beside the table")
            #expect(!page.contains("Import HR outcomes"), "only admins import")

            let (type, csv) = try await client.execute(uri: "/programmes/\(programme.id)/outcomes.csv", method: .get, headers: manager.headers) { response in
                (response.headers[.contentType], String(buffer: response.body))
            }
            #expect(type == "text/csv; charset=utf-8" && csv.hasPrefix("outcome,enough data,mentees,"))
            #expect(csv.contains("retention,yes,\(retention.participants),\((retention.participantRate * 100).written(decimals: 1)),\(retention.comparison),"))

            let (_, json) = try await client.json(.get, "/api/v1/programmes/\(programme.id)/outcome-lift")
            let measures = try #require(value(json, "measures") as? [[String: Any]])
            #expect(measures.map { $0["outcome"] as? String } == ["retention", "promotion", "high-rating"], "the demo's HR file gives ratings")
            #expect(page.contains("<tr><td>Rated 4 or 5 (latest rating)</td>") && csv.contains("\r\nhigh-rating,"))
            #expect(measures.first?["comparison"] as? Int == retention.comparison && abs((measures.first?["low"] as? Double ?? 9) - retention.low) < 1e-9)
            #expect(value(json, "cohorts.0.cycleName") as? String == "2026 pilot" && value(json, "minimumGroup") as? Int == 10)

            for path in ["/programmes/\(programme.id)/outcomes", "/programmes/\(programme.id)/outcomes.csv", "/admin/outcomes"] {
                #expect(try await client.page(path, as: mentor).0 == .forbidden, "\(path)")
            }
            #expect(try await client.page("/admin/outcomes", as: manager).0 == .forbidden, "the HR file is the admins'")
            #expect(try await client.page("/programmes/\(UUID())/outcomes", as: manager).0 == .notFound)
        }
    }

    @Test("an admin imports the HR file in the browser: a bad file is refused whole with its lines and columns, a good one says what it did; the API takes items by the same rules",
          arguments: TestDatabase.allCases)
    func importFile(database: TestDatabase) async throws {
        try await withAppAndStore(database, demo: true) { client, store in
            let people = try await store.allPeople().sorted { $0.externalID < $1.externalID }
            let (a, b) = (people[0].externalID, people[1].externalID)
            let (_, empty) = try await client.page("/admin/outcomes")
            #expect(empty.contains("No HR outcomes have been imported yet") && empty.contains(#"enctype="multipart/form-data""#))

            let bad = Data("person_id,left_on,rating\n\(a),2026-02-30,\n\(b),,9\n".utf8)
            let refused = try await client.upload("/admin/outcomes", file: bad, named: "hr.csv", fields: ["csrf": TestAccounts.csrf])
            let refusedPage = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent && refusedPage.contains("Nothing was written: 2 problems in the file."))
            #expect(refusedPage.contains(#"<tr><td class="num">2</td><td data-label="Column">2 (left_on)</td><td data-label="Problem">&#39;2026-02-30&#39; is not a day"#))
            #expect(refusedPage.contains(#"<td data-label="Column">3 (rating)</td>"#))
            let notText = try await client.upload("/admin/outcomes", file: Data([0x70, 0x65, 0x72, 0xFF, 0x0A]), named: "hr.csv", fields: ["csrf": TestAccounts.csrf])
            #expect(notText.status == .unprocessableContent && String(buffer: notText.body).contains("is not UTF-8 text"))
            let noFile = try await client.form("/admin/outcomes", ["csrf": TestAccounts.csrf])
            #expect(noFile.status == .unsupportedMediaType, "a form without its file is refused, saying how to send it")
            #expect(try await store.outcomeImportRecord().people == 0)

            let good = Data("person_id,hired_on,left_on,promoted_on,rating\n\(a),2015-05-04,,2025-01-06,4\n\(b),2022-09-12,2026-03-31,,\n".utf8)
            let imported = try await client.upload("/admin/outcomes", file: good, named: "hr.csv", fields: ["csrf": TestAccounts.csrf])
            let importedPage = String(buffer: imported.body)
            #expect(imported.status == .ok && importedPage.contains("Imported hr.csv: 2 people added, 0 replaced."))
            #expect(importedPage.contains("The HR outcomes cover 2 people; last imported by"))

            let (status, json) = try await client.json(.post, "/api/v1/outcomes/import", #"[{"personExternalId": "\#(a)", "leftOn": "2026-13-01"}, {"personExternalId": "nobody-\#(b)"}]"#)
            #expect(status == .unprocessableContent && issueFields(json) == ["[0].leftOn"], "\(messages(json))")
            let (unknownField, _) = try await client.json(.post, "/api/v1/outcomes/import", #"[{"personExternalId": "\#(a)", "salary": 1}]"#)
            #expect(unknownField == .unprocessableContent || unknownField == .badRequest)
            let (ok, summary) = try await client.json(.post, "/api/v1/outcomes/import", #"[{"personExternalId": "\#(a)", "rating": 5}]"#)
            #expect(ok == .ok && value(summary, "replaced") as? Int == 1 && value(summary, "created") as? Int == 0)
            let (_, record) = try await client.json(.get, "/api/v1/outcomes")
            #expect(value(record, "people") as? Int == 2)
            let (refusedCSRF) = try await client.upload("/admin/outcomes", file: good, named: "hr.csv", fields: [:])
            #expect(refusedCSRF.status == .forbidden, "a form without its CSRF token writes nothing")
        }
    }
}
