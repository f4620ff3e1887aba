import Foundation
import LodestarCore
import LodestarTestSupport
import Testing

@Suite("Pages on the demo organisation")
struct PageTests {
    let demo = DemoOrganisation()

    @Test("the home page lists the demo programme and its enrolling cycle with counts")
    func home() async throws {
        let mentors = demo.enrolments.filter { $0.role == .mentor }.count
        try await withApp(demo: true) { client in
            let (status, html) = try await client.page("/")
            #expect(status == .ok)
            #expect(html.contains("Rising Leaders"))
            #expect(html.contains("2027 cohort"))
            #expect(html.contains("\(mentors) mentors"))
        }
    }

    @Test("the directory finds people by part of a name and by department")
    func directorySearch() async throws {
        let target = try #require(demo.people.first { $0.department == "Sales" && $0.level < 7 })
        let lastName = String(target.name.split(separator: " ").last!)
        let expected = demo.people.filter { $0.name.lowercased().contains(lastName.lowercased()) && $0.department == "Sales" }
        try await withApp(demo: true) { client in
            let query = "name=\(lastName.lowercased().addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&department=Sales"
            let (status, html) = try await client.page("/people?\(query)")
            #expect(status == .ok)
            #expect(html.contains("\(expected.count) found"))
            #expect(html.contains(target.name))
            #expect(html.contains("<option value=\"Sales\" selected>"))
            let (_, sales) = try await client.page("/people?department=Sales&limit=500")
            let salesCount = demo.people.filter { $0.department == "Sales" }.count
            #expect(sales.contains("\(salesCount) found"))
            #expect(!sales.contains("<td>Engineering</td>"))
        }
    }

    @Test("a person's page shows their reporting line to the top")
    func reportingLine() async throws {
        let byID = Dictionary(uniqueKeysWithValues: demo.people.map { ($0.id, $0) })
        let person = try #require(demo.people.first { $0.level <= 6 })
        var names: [String] = []
        var next = person.managerID
        while let id = next, let manager = byID[id] { names.append(manager.name); next = manager.managerID }
        let chain = names
        try await withApp(demo: true) { client in
            let (_, html) = try await client.page("/people/\(person.id)")
            let line = try #require(html.range(of: "<ol class=\"reporting-line\">").map { html[$0.upperBound...] })
            let positions = chain.map { line.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
            #expect(chain.count >= 3)
        }
    }

    @Test("a cycle page shows its state, next states and enrolment counts by role")
    func cyclePage() async throws {
        let mentees = demo.enrolments.filter { $0.role == .mentee }.count
        try await withApp(demo: true) { client in
            let (_, html) = try await client.page("/cycles/\(demo.cycle.id)")
            #expect(html.contains("<span class=\"figure\" id=\"mentee-count\">\(mentees)</span>"))
            #expect(html.contains("Next: matching or draft"))
            #expect(html.contains("<li class=\"current\">enrolling</li>"))
            // Each of both roles listed says what they bring or want, from their profile.
            for offset in [0, 50, 100] {
                let (_, listed) = try await client.page("/cycles/\(demo.cycle.id)?offset=\(offset)&limit=50")
                let inCycle = demo.enrolments.filter { $0.cycleID == demo.cycle.id }
                let rows = inCycle.filter { listed.contains("href=\"\(SiteURL.person(.value($0.personID)).path)\"") }
                #expect(rows.count == min(50, inCycle.count - offset))
                for enrolment in rows {
                    let profile = enrolment.profile
                    let detail = enrolment.role == .mentor
                        ? "capacity \(profile.capacity ?? 0) · offers \(profile.skills.map(\.competency).joined(separator: ", "))"
                        : "develops \(profile.developmentGoals.sorted { $0.priority < $1.priority }.map(\.competency).joined(separator: ", "))"
                    #expect(listed.contains(detail))
                }
            }
        }
    }

    @Test("unknown records get a 404 page that says what was not found; the stylesheet is served")
    func notFoundPage() async throws {
        try await withApp { client in
            let (status, html) = try await client.page("/people/6f1c4d0e-0000-4000-8000-000000000000")
            #expect(status == .notFound)
            #expect(html.contains("No person with id 6f1c4d0e-0000-4000-8000-000000000000"))
            // The pages that read a cycle with its programme, a programme or an enrolment say which is missing.
            let missing = "6f1c4d0e-0000-4000-8000-000000000001"
            for (path, kind) in [("/cycles/\(missing)", "cycle"), ("/cycles/\(missing)/plan", "cycle"), ("/cycles/\(missing)/speed", "cycle"),
                                 ("/cycles/\(missing)/pairs", "cycle"), ("/programmes/\(missing)", "programme"), ("/enrolments/\(missing)/profile", "enrolment")] {
                let (status, html) = try await client.page(path)
                #expect(status == .notFound && html.contains("No \(kind) with id \(missing)"), "\(path): \(status)")
            }
            let (cssStatus, css) = try await client.page("/assets/style.css")
            #expect(cssStatus == .ok && css.contains("@media"))
        }
    }

    @Test("names are escaped in HTML")
    func escaping() async throws {
        try await withApp { client in
            _ = try await client.json(.post, "/api/v1/people", #"{"externalId":"P-1","name":"<script>x</script>","email":"a@example.org","level":3,"timeZone":"UTC"}"#)
            let (_, html) = try await client.page("/people")
            #expect(!html.contains("<script>x</script>"))
            #expect(html.contains("&lt;script&gt;"))
        }
    }
}
