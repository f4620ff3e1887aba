import Foundation
import HummingbirdTesting
import LodestarCore
import LodestarStore
@testable import LodestarServer
import LodestarTestSupport
import Testing

/// The dashboards in the browser and the API, on the demo's closed pilot.
@Suite("Dashboards in the browser and the API")
struct DashboardPagesTests {
    /// The app over the demo with its closed pilot, the manager and the mentor signed in, and its programme.
    static func withPilot(_ database: TestDatabase, _ body: @Sendable (any TestClientProtocol, FluentStore, Programme) async throws -> Void) async throws {
        try await withAppAndStore(database, prepare: { store in
            try await DemoSeeder(store: store).seedIfEmpty(history: true)
            try await ApplicationPagesTests.signIn(store)
        }) { client, store in
            try await body(client, store, try #require(try await store.programmes(ids: nil).first))
        }
    }

    @Test("the manager reads the pilot's funnel and figures as charts with their tables, downloads them as CSV, and finds the API's the same; a mentor is refused",
          arguments: TestDatabase.allCases)
    func pilot(database: TestDatabase) async throws {
        try await Self.withPilot(database) { client, store, programme in
            let manager = ApplicationPagesTests.manager, mentor = ApplicationPagesTests.mentor
            let pilot = try #require(try await store.cycles(of: programme.id).first { $0.state == .closed })

            let (_, programmePage) = try await client.page("/programmes/\(programme.id)", as: manager)
            #expect(programmePage.contains(#"href="/programmes/\#(programme.id)/dashboard" id="dashboard-link""#))
            let (status, page) = try await client.page("/cycles/\(pilot.id)/dashboard", as: manager)
            #expect(status == .ok)
            // Each chart names itself and says its figures in words, and the same figures stand in a table.
            #expect(page.contains(#"role="img" aria-labelledby="funnel-title funnel-desc""#) && page.contains(#"<title id="funnel-title">Mentees from applying to completing</title>"#))
            let figures = try await Evaluation(store: store, principal: .commandLine).cycle(pilot.id, now: Date())
            let matched = try #require(figures.table.first { $0.key == "match-rate" })
            #expect(page.contains("<td>Mentees matched, of those enrolled</td><td class=\"num\">\(matched.written)</td>"))
            #expect(page.contains("Matched: \(figures.matchedMentees)") && page.contains(#"<td>Matched</td><td class="num">\#(figures.matchedMentees)</td>"#))
            #expect(figures.relationships > 0 && figures.completedMentees != nil)
            #expect(page.contains("<h2>Week by week</h2>") && page.contains(#"aria-labelledby="weekly-meetings-title weekly-meetings-desc""#), "the pilot's weeks")
            let weeks = try await client.execute(uri: "/cycles/\(pilot.id)/weeks.csv", method: .get, headers: manager.headers) { String(buffer: $0.body) }
            #expect(weeks.hasPrefix("week,starts,meetings,minutes,mean_pulse,pulses,on_track,needs_attention,at_risk,ended\r\n1,")
                    && weeks.components(separatedBy: "\r\n").count == figures.weeks.count + 2)
            #expect(page.contains(#"<title id="weekly-health-title">Relationships on track by the rhythm of their meetings, at each week&#39;s end</title>"#)
                    || page.contains(#"<title id="weekly-health-title">Relationships on track by the rhythm of their meetings, at each week's end</title>"#))
            // Satisfaction, pulses and growth as distributions, each a chart with its table and its CSV, the API's the same.
            let shown = figures.distributions.map(\.key)
            #expect(shown.contains("pulses") && shown.contains("survey-answers") && shown.contains("growth-self"), "the pilot's history: \(shown)")
            for distribution in figures.feedbackDistributions {
                #expect(page.contains(#"aria-labelledby="\#(distribution.key)-title \#(distribution.key)-desc""#), "\(distribution.key)")
                let first = try #require(distribution.bands.first)
                #expect(page.contains("\(first.label): \(first.count)"), "\(distribution.key) in words")
            }
            let distributions = try await client.execute(uri: "/cycles/\(pilot.id)/distributions.csv", method: .get, headers: manager.headers) { String(buffer: $0.body) }
            #expect(distributions.hasPrefix("chart,key,band,count\r\n")
                    && distributions.components(separatedBy: "\r\n").count == figures.distributions.reduce(0) { $0 + $1.bands.count } + figures.funnel.count
                        + figures.earlyEndings.count + 2)
            #expect(distributions.contains("\r\nMentees from applying to completing,funnel,met,\(figures.menteesWhoMet)\r\n"))
            let (_, cycleJSON) = try await client.json(.get, "/api/v1/cycles/\(pilot.id)/indicators")
            #expect((value(cycleJSON, "distributions") as? [[String: Any]])?.map { $0["key"] as? String } == shown)
            #expect((value(cycleJSON, "weeks") as? [[String: Any]])?.last?["onTrack"] as? Int == figures.weeks.last?.onTrack)

            let (type, text) = try await client.execute(uri: "/cycles/\(pilot.id)/dashboard.csv", method: .get, headers: manager.headers) { response in
                (response.headers[.contentType], String(buffer: response.body))
            }
            #expect(type == "text/csv; charset=utf-8" && text.hasPrefix("indicator,key,value,unit\r\n"))
            #expect(text.contains("\"Mentees matched, of those enrolled\",match-rate,\(matched.csvValue),percent\r\n"))

            let (_, side) = try await client.page("/programmes/\(programme.id)/dashboard", as: manager)
            #expect(side.contains(">\(pilot.name)</a></th>") && side.contains(#"aria-labelledby="matched-title matched-desc""#))
            let (_, json) = try await client.json(.get, "/api/v1/programmes/\(programme.id)/indicators")
            let cycles = try #require(value(json, "cycles") as? [[String: Any]])
            let pilotJSON = try #require(cycles.first { $0["cycleId"] as? String == pilot.id.description })
            let lines = try #require(pilotJSON["indicators"] as? [[String: Any]])
            #expect(lines.first { $0["key"] as? String == "relationships" }?["value"] as? Double == Double(figures.relationships))

            // The fairness audit, linked from the dashboard: the page, its CSV and the API tell the same groups.
            #expect(page.contains(#"<a href="/cycles/\#(pilot.id)/fairness" id="fairness-link">Fairness audit</a>"#))
            let audit = try await Evaluation(store: store, principal: .commandLine).fairness(pilot.id)
            let (_, fairness) = try await client.page("/cycles/\(pilot.id)/fairness", as: manager)
            #expect(fairness.contains("<h2>Gender</h2>") && fairness.contains("<h2>Disability</h2>"))
            for group in try #require(audit.dimensions.first).groups {
                #expect(fairness.contains("<tr><td>\(group.label)</td>" + (group.hidden ? "<td colspan=\"10\"" : "<td class=\"num\">")), "\(group.label)")
            }
            let (_, auditJSON) = try await client.json(.get, "/api/v1/cycles/\(pilot.id)/fairness")
            let dimensions = try #require(value(auditJSON, "dimensions") as? [[String: Any]])
            #expect(dimensions.map { $0["name"] as? String } == ["Gender", "Ethnicity", "Age band", "Disability"])
            // The one-page report: linked from the dashboard, the same figures, and as a PDF.
            #expect(page.contains(#"<a href="/cycles/\#(pilot.id)/report" id="report-link">One-page report</a>"#))
            let (_, report) = try await client.page("/cycles/\(pilot.id)/report", as: manager)
            #expect(report.contains(#"<body class="report">"#) && report.contains("<h1>What \(pilot.name) achieved</h1>"))
            #expect(report.contains("<tr><td>Mentees matched, of those enrolled</td><td class=\"num\">\(matched.written)</td></tr>"))
            #expect(report.contains(#"<span class="figure">\#(matched.written)</span> Mentees matched, of those enrolled"#), "a headline figure")
            for path in ["/cycles/\(pilot.id)/report.pdf", "/programmes/\(programme.id)/report.pdf", "/api/v1/cycles/\(pilot.id)/report",
                         "/api/v1/programmes/\(programme.id)/report"] {
                let (type, pdf) = try await client.execute(uri: path, method: .get, headers: manager.headers) { ($0.headers[.contentType], Data($0.body.readableBytesView)) }
                let text = String(decoding: pdf, as: UTF8.self)
                #expect(type == "application/pdf" && text.hasPrefix("%PDF-1.4") && text.hasSuffix("%%EOF\n") && text.contains("/Count 1"), "\(path) is one page")
                #expect(text.contains("achieved") && text.contains("(Mentees matched, of those enrolled) Tj"), "\(path)")
            }
            let (_, programmeReport) = try await client.page("/programmes/\(programme.id)/report", as: manager)
            #expect(programmeReport.contains("<th class=\"num\">\(pilot.name)</th>") && programmeReport.contains("<h2>Outcomes against comparable people</h2>"))
            #expect(programmeReport.contains("<li>Still employed a year on: mentees "))
            // The organisation's dashboard: the programme beside all programmes, as CSV and through the API.
            let (_, organisation) = try await client.page("/dashboard", as: manager)
            #expect(organisation.contains(#"<th class="num"><a href="/programmes/\#(programme.id)/dashboard">\#(programme.name)</a></th><th class="num">All programmes</th>"#))
            #expect(organisation.contains(#"aria-labelledby="programme-matched-title programme-matched-desc""#))
            let (_, organisationJSON) = try await client.json(.get, "/api/v1/indicators")
            #expect(value(organisationJSON, "programmes.0.programmeName") as? String == programme.name && (value(organisationJSON, "all") as? [Any])?.isEmpty == false)
            let unknown = UUID()
            for path in ["/cycles/\(unknown)/dashboard", "/programmes/\(unknown)/dashboard", "/cycles/\(unknown)/fairness", "/cycles/\(unknown)/weeks.csv",
                         "/cycles/\(unknown)/distributions.csv"] {
                #expect(try await client.page(path, as: manager).0 == .notFound, "\(path)")
            }
            for path in ["/cycles/\(pilot.id)/dashboard", "/programmes/\(programme.id)/dashboard.csv", "/cycles/\(pilot.id)/fairness", "/cycles/\(pilot.id)/fairness.csv",
                         "/cycles/\(pilot.id)/report", "/programmes/\(programme.id)/report.pdf", "/dashboard", "/dashboard.csv", "/cycles/\(pilot.id)/weeks.csv",
                         "/cycles/\(pilot.id)/distributions.csv"] {
                #expect(try await client.page(path, as: mentor).0 == .forbidden, "\(path) is the managers'")
            }
        }
    }
}

@Suite("Charts drawn by the server")
struct BarChartTests {
    @Test("every text is escaped, the longest bar is full width, and a value that is no number or none draws no bar")
    func escapingAndScale() {
        let chart = BarChart(id: "c", title: "Ends <early>", bars: [
            BarChart.Bar(label: "<script>alert(1)</script>", value: 10, written: "10 & more"),
            BarChart.Bar(label: "half", value: 5, written: "5"),
            BarChart.Bar(label: "none", value: .nan, written: "—"),
            BarChart.Bar(label: "zero", value: 0, written: "0"),
        ])
        let svg = chart.svg
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && svg.contains("10 &amp; more"))
        #expect(svg.contains("<title id=\"c-title\">Ends &lt;early&gt;</title>"))
        #expect(svg.contains(#"width="340" height="20"><title>&lt;script&gt;"#) && svg.contains(#"width="170" height="20"><title>half"#))
        #expect(svg.contains(#"width="0" height="20"><title>none"#) && svg.contains(#"width="0" height="20"><title>zero"#))
        #expect(chart.description == "<script>alert(1)</script>: 10 & more; half: 5; none: —; zero: 0")
    }

    @Test("match scores fall in bands of ten, 100 in the top one, and a stored score out of range is counted at its end, never trapping")
    func scoreBands() {
        let bands = CycleIndicators.scoreBands([100, 95, 90, 89.99, 0, 1e300, -5, .infinity])
        #expect(bands.first?.label == "90–100" && bands.first?.count == 4 && bands[1].count == 1 && bands.last?.label == "0–9" && bands.last?.count == 1)
    }
}
