import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
import LodestarStore
import LodestarTestSupport
import NIOCore
import Testing

/// Hostile and careless input against the API: nothing crashes the server, every refusal says
/// which field and what it accepts, and nothing is stored from a refused request.
@Suite("Input hardening")
struct InputHardeningTests {
    /// Numbers an attacker or a broken client sends, as JSON: too big, too small, not whole, not numbers.
    static let hostileNumbers = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e308", "-1e308",
                                 "-1", "\"12\"", "\"NaN\"", "true", "null", "[]", "{}"]
    /// The same for query strings.
    static let hostileQueryValues = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e308", "-1", "NaN", "abc", ""]

    static let mentorProfile = #"{"skills":[{"competency":"delegation","proficiency":P}],"developmentGoals":[],"interests":["chess"],"meetingMode":"either","availability":{"slots":[{"day":"mon","startMinute":540,"endMinute":600}]},"capacity":C,"careerGoals":""}"#
    static let menteeProfile = #"{"skills":[],"developmentGoals":[{"competency":"delegation","priority":R}],"interests":[],"meetingMode":"either","availability":{"slots":[{"day":"mon","startMinute":S,"endMinute":E}]},"careerGoals":""}"#

    /// A body with a number in it: `V` marks the number, `#N#` what must differ between requests.
    struct Body {
        let method: HTTPRequest.Method
        let path: String
        let template: String
        /// A value the route accepts, sent first, so that the refusals are the number's doing.
        let sane: String
    }

    /// Every API body with a number in it.
    static func bodies(person: String) -> [Body] {
        func filled(_ text: String, _ values: [String: String]) -> String {
            values.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
        }
        let mentor = ["P": "4", "C": "2"], mentee = ["R": "1", "S": "540", "E": "600"]
        var bodies = [
            Body(method: .post, path: "/api/v1/people", template: #"{"externalId":"H-#N#","name":"Hal","email":"hal#N#@example.org","level":V,"timeZone":"Europe/Berlin"}"#, sane: "5"),
            Body(method: .post, path: "/api/v1/programmes", template: #"{"name":"Hardening","format":"one-to-one","durationWeeks":V,"cadence":"monthly"}"#, sane: "20"),
        ]
        for slot in mentor.keys.sorted() {
            let profile = filled(mentorProfile, mentor.filter { $0.key != slot }).replacingOccurrences(of: slot, with: "V")
            bodies.append(Body(method: .post, path: "/api/v1/cycles/CYCLE/enrolments", template: #"{"personId":"\#(person)","role":"mentor","profile":\#(profile)}"#,
                               sane: mentor[slot] ?? ""))
        }
        for slot in mentee.keys.sorted() {
            let profile = filled(menteeProfile, mentee.filter { $0.key != slot }).replacingOccurrences(of: slot, with: "V")
            bodies.append(Body(method: .put, path: "/api/v1/enrolments/ENROLMENT", template: #"{"profile":\#(profile)}"#, sane: mentee[slot] ?? ""))
        }
        let matching = #"{"weights":{"goal-skill-fit":W1},"minimumLevelGap":W2,"maximumLevelGap":W3,"minimumWeeklyOverlap":W4,"rotation":true,"menteeChoice":{"maximumRequests":W5,"responseDays":W6},"peerCircleSize":W7}"#
        let settings = ["W1": "5", "W2": "1", "W3": "6", "W4": "60", "W5": "3", "W6": "7", "W7": "4"]
        for slot in settings.keys.sorted() {
            let text = filled(matching, settings.filter { $0.key != slot }).replacingOccurrences(of: slot, with: "V")
            let programme = #"{"name":"Hardening","format":"one-to-one","durationWeeks":20,"cadence":"monthly","matching":\#(text)}"#
            bodies.append(Body(method: .post, path: "/api/v1/programmes", template: programme, sane: settings[slot] ?? ""))
            bodies.append(Body(method: .put, path: "/api/v1/programmes/PROGRAMME", template: programme, sane: settings[slot] ?? ""))
        }
        return bodies
    }

    @Test("extreme and malformed numbers in every numeric query parameter and body field get a 4xx; the server stays up and stores nothing",
          arguments: TestDatabase.allCases)
    func extremeValues(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(database, demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            var answers: [String] = []
            let lists = ["/api/v1/people", "/api/v1/programmes", "/api/v1/programmes/\(demo.programme.id)/cycles", "/api/v1/cycles",
                         "/api/v1/cycles/\(demo.cycle.id)/enrolments", "/api/v1/competencies", "/api/v1/conflicts"]
            for list in lists {
                for parameter in ["offset", "limit"] {
                    for value in Self.hostileQueryValues {
                        let query = parameter + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                        let (status, body) = try await client.json(.get, "\(list)?\(query)")
                        if !(400..<500).contains(status.code) || !issueFields(body).contains(parameter) { answers.append("GET \(list)?\(query): \(status.code)") }
                    }
                }
            }
            let enrolled = Set(demo.enrolments.map(\.personID))
            let person = try #require(demo.people.first { !enrolled.contains($0.id) }).id.description
            var sent = 0
            for body in Self.bodies(person: person) {
                let path = body.path.replacingOccurrences(of: "CYCLE", with: demo.cycle.id.description)
                    .replacingOccurrences(of: "ENROLMENT", with: callers.menteeEnrolment).replacingOccurrences(of: "PROGRAMME", with: demo.programme.id.description)
                for value in [body.sane] + Self.hostileNumbers {
                    // null leaves an optional setting out, which is a valid programme.
                    if value == "null" && body.template.contains(#""peerCircleSize":V"#) { continue }
                    sent += 1
                    let text = body.template.replacingOccurrences(of: "V", with: value).replacingOccurrences(of: "#N#", with: String(sent))
                    let (status, answer) = try await client.json(body.method, path, text)
                    let message = messages(answer)
                    if value == body.sane {
                        if status.code >= 300 { answers.append("\(body.method) \(path) with the sane \(value) was refused: \(status.code) \(message.prefix(200))") }
                        continue
                    }
                    if !(400..<500).contains(status.code) { answers.append("\(body.method) \(path) with \(value): \(status.code) \(message.prefix(200))") }
                    for word in ["Swift.", "DecodingError", "Int64", "Optional(", "CodingKeys", "Dictionary<"] where message.contains(word) {
                        answers.append("\(body.method) \(path) with \(value) shows '\(word)': \(message.prefix(200))")
                    }
                }
            }
            #expect(answers == [], "answers that were not a clean 4xx (or a sane value refused)")
            let (health, _) = try await client.json(.get, "/health")
            #expect(health == .ok)
            let (programme, stored) = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)")
            #expect(programme == .ok && value(stored, "matching.weights.goal-skill-fit") as? Double == 5, "no hostile weight was stored")
            let (_, people) = try await client.json(.get, "/api/v1/people?name=Hal")
            #expect(value(people, "total") as? Int == 1, "only the sane person was stored")
            let (plan, _) = try await client.page("/cycles/\(demo.cycle.id)/plan", as: callers.value[.manager] ?? .adminBrowser)
            #expect(plan.code < 500)
        }
    }

    @Test("a programme whose stored settings are out of range (from an older version) is refused with a message when used, never trapped on",
          arguments: TestDatabase.allCases)
    func storedSettingsOutOfRange(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(database, demo: true, prepare: { store in
            try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers)
            var programme = demo.programme
            var settings = MatchingSettings.defaults(for: programme.format)
            settings.weights = MatchWeights(values: [.goalSkillFit: 1e308, .seniorityGap: 1e308])
            settings.maximumLevelGap = Int.max
            settings.menteeChoice = .init(maximumRequests: 0, responseDays: Int.max)
            programme.matching = settings
            try await store.save(programme)
            _ = try await ProgrammeOffice(store: store, principal: .commandLine).move(demo.cycle.id, to: .matching)
        }) { client in
            let (status, html) = try await client.page("/cycles/\(demo.cycle.id)/plan")
            #expect(status == .unprocessableContent, "\(html.prefix(300))")
            #expect(html.contains("stored setting can") && html.contains("matching.weights.goal-skill-fit"))
            let (choose, page) = try await client.page("/cycles/\(demo.cycle.id)/choose", as: try #require(callers.value[.mentee]))
            #expect(choose == .unprocessableContent && page.contains("matching.menteeChoice.maximumRequests"), "\(page.prefix(300))")
            let (health, _) = try await client.json(.get, "/health")
            #expect(health == .ok)
        }
    }

    @Test("an unknown field is refused with 422, naming it and the field probably meant; a body read with GET goes back with PUT")
    func unknownFields() async throws {
        let demo = DemoOrganisation()
        try await withApp(demo: true) { client in
            let person = try #require(demo.people.first)
            let (status, body) = try await client.json(.put, "/api/v1/people/\(person.id)",
                #"{"externalId":"\#(person.externalID)","name":"A","email":"\#(person.email)","levle":3,"level":3,"timeZone":"Europe/Berlin"}"#)
            #expect(status == .unprocessableContent)
            #expect(issueFields(body) == ["levle"])
            #expect(messages(body).contains("did you mean 'level'"))
            let (nested, nestedBody) = try await client.json(.put, "/api/v1/programmes/\(demo.programme.id)",
                #"{"name":"P","format":"one-to-one","durationWeeks":20,"cadence":"monthly","matching":{"weights":{"goal-skill-fit":5},"minimumLevelGap":1,"maximumLevelGap":6,"minimumWeeklyOverlap":60,"rotation":true,"rotatoin":false}}"#)
            #expect(nested == .unprocessableContent && issueFields(nestedBody) == ["matching.rotatoin"])
            let (badWeight, weightBody) = try await client.json(.put, "/api/v1/programmes/\(demo.programme.id)",
                #"{"name":"P","format":"one-to-one","durationWeeks":20,"cadence":"monthly","matching":{"weights":{"goal-fit":5},"minimumLevelGap":1,"maximumLevelGap":6,"minimumWeeklyOverlap":60,"rotation":true}}"#)
            #expect(badWeight == .badRequest && messages(weightBody).contains("'goal-fit' is not one of goal-skill-fit"))
            let (badFormat, formatBody) = try await client.json(.post, "/api/v1/programmes", #"{"name":"P","format":"solo","durationWeeks":20,"cadence":"monthly"}"#)
            #expect(badFormat == .badRequest && issueFields(formatBody) == ["format"] && messages(formatBody).contains("'solo' is not one of one-to-one, group"))
            // A missing field is named as required, at the top and nested, and unknown fields wait for a body that decodes.
            let (missing, missingBody) = try await client.json(.post, "/api/v1/programmes", #"{"name":"P","durationWeeks":20,"cadence":"monthly","formt":"group"}"#)
            #expect(missing == .badRequest && messages(missingBody).contains("format: is required"))
            let (nestedMissing, nestedMissingBody) = try await client.json(.put, "/api/v1/programmes/\(demo.programme.id)",
                #"{"name":"P","format":"one-to-one","durationWeeks":20,"cadence":"monthly","matching":{"weights":{"goal-skill-fit":5},"minimumLevelGap":1,"maximumLevelGap":6,"minimumWeeklyOverlap":60}}"#)
            #expect(nestedMissing == .badRequest && messages(nestedMissingBody).contains("matching.rotation: is required"))
            // Round trips: what GET shows, PUT takes back unchanged.
            for path in ["/api/v1/people/\(person.id)", "/api/v1/programmes/\(demo.programme.id)", "/api/v1/cycles/\(demo.cycle.id)"] {
                let (_, read) = try await client.json(.get, path)
                let text = String(decoding: try JSONSerialization.data(withJSONObject: read), as: UTF8.self)
                let (back, answer) = try await client.json(.put, path, text)
                #expect(back == .ok, "PUT \(path) with its own GET body: \(answer)")
            }
        }
    }

    @Test("names, titles and programme names with CR, LF or NUL are refused, the field named")
    func lineBreaks() async throws {
        let demo = DemoOrganisation()
        try await withApp(demo: true) { client in
            let (person, personBody) = try await client.json(.post, "/api/v1/people",
                #"{"externalId":"H-2","name":"Eve\r\nBcc: all@example.org","email":"eve@example.org","title":"Boss\u0000","level":3,"timeZone":"Europe/Berlin"}"#)
            #expect(person == .unprocessableContent && Set(issueFields(personBody)) == ["name", "title"])
            let (programme, programmeBody) = try await client.json(.post, "/api/v1/programmes", #"{"name":"P\nQ","format":"group","durationWeeks":20,"cadence":"monthly"}"#)
            #expect(programme == .unprocessableContent && issueFields(programmeBody) == ["name"])
            let (cycle, cycleBody) = try await client.json(.put, "/api/v1/cycles/\(demo.cycle.id)", #"{"name":"Spring\r2027"}"#)
            #expect(cycle == .unprocessableContent && issueFields(cycleBody) == ["name"])
            let (competency, competencyBody) = try await client.json(.post, "/api/v1/competencies", #"{"slug":"line-breaks","name":"X\nY","summary":"s"}"#)
            #expect(competency == .unprocessableContent && issueFields(competencyBody) == ["name"])
        }
    }

    @Test("a body over the limit answers 413 with a message, as JSON and as a form")
    func tooLarge() async throws {
        try await withApp { client in
            let big = String(repeating: "a", count: JSONBody.limit + 10)
            let (status, body) = try await client.json(.post, "/api/v1/competencies", #"{"slug":"x","name":"\#(big)","summary":""}"#)
            #expect(status == .contentTooLarge && messages(body).contains("too large"))
            let form = try await client.form("/admin/invitations", ["csrf": TestAccounts.csrf, "email": String(repeating: "b", count: FormBody.limit)])
            #expect(form.status == .contentTooLarge)
        }
    }

    @Test("every response carries the security headers: pages, API answers, errors and redirects")
    func securityHeaders() async throws {
        try await withApp { client in
            for (uri, caller) in [("/", Caller.adminBrowser), ("/api/v1/programmes", .admin), ("/no-such-page", .adminBrowser),
                                  ("/api/v1/people/nope", .admin), ("/people", .anonymous), ("/health", .anonymous), ("/assets/style.css", .anonymous)] {
                let headers = try await client.execute(uri: uri, method: .get, headers: caller.headers) { $0.headers }
                let policy = headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(uri)")
                #expect(headers[.xContentTypeOptions] == "nosniff" && headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
            }
        }
    }

    @Test("concurrent creates of one id: one 201, the others 422 naming the duplicate, never 500", arguments: TestDatabase.allCases)
    func concurrentCreates(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, [String]).self) { group in
                for attempt in 0..<8 {
                    group.addTask {
                        let (status, body) = try await client.json(.post, "/api/v1/people",
                            #"{"externalId":"SAME-1","name":"Twin \#(attempt)","email":"twin\#(attempt)@example.org","level":3,"timeZone":"Europe/Berlin"}"#)
                        return (status, issueFields(body))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == .created }.count == 1)
            #expect(statuses.filter { $0.0 == .unprocessableContent && $0.1 == ["externalId"] }.count == 7, "\(statuses)")
        }
    }
}
