import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// A cycle's calendar — applications close, matching, start, end — set on its page and
/// through the API by one use case, kept on both databases, refused out of order.
@Suite("Cycle dates")
struct CycleDatesTests {
    @Test("the manager sets the dates on the cycle's page; days out of order or not days are refused by field; the programme lists the period",
          arguments: TestDatabase.allCases)
    func onThePage(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        try await withAppAndStore(database, demo: true, prepare: AdministrationPagesTests.signInManager) { client, store in
            let cycle = "/cycles/\(demo.cycle.id)"
            let manager = AdministrationPagesTests.manager
            let days = ["applicationsClose": "2027-02-01", "matching": "2027-02-15", "start": "2027-03-01", "end": "2027-08-30"]
            let backwards = try await client.form(cycle + "/dates", days.merging(["csrf": "demo-manager-csrf", "end": "2027-02-20"]) { $1 }, as: manager)
            #expect(backwards.status == .unprocessableContent)
            #expect(String(buffer: backwards.body).contains("dates.end: the day relationships end comes after the day relationships start"))
            let notADay = try await client.form(cycle + "/dates", ["csrf": "demo-manager-csrf", "matching": "2027-02-30"], as: manager)
            #expect(String(buffer: notADay.body).contains("dates.matching: &#39;2027-02-30&#39; is not a date") || String(buffer: notADay.body).contains("dates.matching: '2027-02-30' is not a date"))
            #expect(try await store.cycle(demo.cycle.id)?.dates == CycleDates(), "nothing was saved")

            #expect(try await client.form(cycle + "/dates", days.merging(["csrf": "demo-manager-csrf"]) { $1 }, as: manager).status == .seeOther)
            let saved = try #require(try await store.cycle(demo.cycle.id)?.dates)
            #expect(saved.start.map { $0.formatted(.iso8601.year().month().day()) } == "2027-03-01" && saved.applicationsClose != nil && saved.end != nil)
            let (_, page) = try await client.page(cycle, as: manager)
            #expect(page.contains(#"<dt>Applications close</dt><dd>Feb 1, 2027</dd>"#) || page.contains("<dt>Applications close</dt><dd>1 Feb 2027</dd>"))
            #expect(page.contains(#"name="end" value="2027-08-30""#))
            let (_, programme) = try await client.page("/programmes/\(demo.programme.id)", as: manager)
            #expect(programme.contains("Mar 1, 2027 – Aug 30, 2027") || programme.contains("1 Mar 2027 – 30 Aug 2027"))
            // Without a session nothing changes (roles are the access matrix's); a closed cycle keeps its dates.
            let anonymous = try await client.form(cycle + "/dates", ["csrf": "x", "start": "2027-04-01"], as: .session("nobody", csrf: "x"))
            let unchanged = try await store.cycle(demo.cycle.id)?.dates
            #expect(anonymous.status != .seeOther && unchanged == saved)
            var closed = try #require(try await store.cycle(demo.cycle.id))
            closed.state = .closed
            try await store.save(closed)
            let kept = try await client.form(cycle + "/dates", days.merging(["csrf": "demo-manager-csrf", "end": "2027-09-30"]) { $1 }, as: manager)
            #expect(kept.status == .unprocessableContent && String(buffer: kept.body).contains("2027 cohort is closed; its dates are the record of what happened"))
        }
    }

    @Test("the API reads and replaces the calendar; a day out of order is refused by its field and nothing changes")
    func throughTheAPI() async throws {
        let demo = DemoOrganisation()
        try await withApp(demo: true) { client in
            let path = "/api/v1/cycles/\(demo.cycle.id)"
            let (refused, issues) = try await client.json(.put, path, #"{"dates":{"matching":"2027-03-01","start":"2027-02-01"}}"#)
            #expect(refused == .unprocessableContent && issueFields(issues) == ["dates.start"])
            let (status, cycle) = try await client.json(.put, path, #"{"dates":{"applicationsClose":"2027-02-01","start":"2027-03-01","end":"2027-08-30"}}"#)
            #expect(status == .ok && value(cycle, "dates.start") as? String == "2027-03-01" && value(cycle, "dates.matching") == nil)
            let (_, read) = try await client.json(.get, path)
            #expect(value(read, "dates.end") as? String == "2027-08-30")
            let (unknown, unknownIssues) = try await client.json(.put, path, #"{"dates":{"kickOff":"2027-03-01"}}"#)
            #expect(unknown == .unprocessableContent && issueFields(unknownIssues) == ["dates.kickOff"])
        }
    }
}
