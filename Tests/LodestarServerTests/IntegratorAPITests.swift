import Foundation
import HTTPTypes
import LodestarCore
import LodestarTestSupport
import Testing

/// An integrator's whole journey with one API token and no web page: a programme, people and
/// enrolments in bulk, the optimal plan, its publication, and the relationships it made.
@Suite("The integrator's journey through the API")
struct IntegratorAPITests {
    static func person(_ id: String, level: Int, manager: String? = nil, email: String? = nil) -> String {
        #"{"externalId":"\#(id)","name":"Person \#(id)","email":"\#(email ?? id.lowercased() + "@example.org")","level":\#(level),"timeZone":"Europe/London","languages":["en"]\#(manager.map { #","managerExternalId":"\#($0)""# } ?? "")}"#
    }

    static func enrolment(_ id: String, mentor: Bool) -> String {
        let profile = mentor
            ? #"{"skills":[{"competency":"delegation","proficiency":5},{"competency":"strategic-thinking","proficiency":4}],"developmentGoals":[],"interests":[],"meetingMode":"virtual","availability":{"slots":[{"day":"tue","startMinute":540,"endMinute":660}]},"capacity":2,"careerGoals":""}"#
            : #"{"skills":[],"developmentGoals":[{"competency":"delegation","priority":1}],"interests":[],"meetingMode":"virtual","availability":{"slots":[{"day":"tue","startMinute":540,"endMinute":660}]},"careerGoals":"Lead a team"}"#
        return #"{"personExternalId":"\#(id)","role":"\#(mentor ? "mentor" : "mentee")","profile":\#(profile)}"#
    }

    @Test("create a programme, import people and enrolments in bulk, plan, publish and follow the relationships — with a token only",
          arguments: TestDatabase.allCases)
    func journey(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let (documentStatus, _) = try await client.json(.get, "/api/v1/openapi.json", as: .anonymous)
            #expect(documentStatus == .ok)
            let (created, programme) = try await client.json(.post, "/api/v1/programmes",
                #"{"name":"Integrators","format":"one-to-one","durationWeeks":26,"cadence":"monthly","focusCompetencies":["delegation"]}"#)
            #expect(created == .created)
            let programmeID = try #require(value(programme, "id") as? String)
            #expect(try await client.json(.put, "/api/v1/programmes/\(programmeID)/readiness", Fixtures.readinessAllYes).0 == .ok)
            let (started, cycle) = try await client.json(.post, "/api/v1/programmes/\(programmeID)/cycles", #"{"name":"2028","state":"enrolling"}"#)
            #expect(started == .created)
            let cycleID = try #require(value(cycle, "id") as? String)

            // People: four mentors and six mentees, one mentee reporting to a mentor.
            let mentors = (1...4).map { "M\($0)" }, mentees = (1...6).map { "E\($0)" }
            let people = mentors.map { Self.person($0, level: 10) } + mentees.map { Self.person($0, level: 5, manager: $0 == "E1" ? "M1" : nil) }
            let (imported, summary) = try await client.json(.post, "/api/v1/people/import", "[" + people.joined(separator: ",") + "]")
            #expect(imported == .ok && value(summary, "created") as? Int == 10)
            let (_, again) = try await client.json(.post, "/api/v1/people/import", "[" + people.joined(separator: ",") + "]")
            #expect(value(again, "unchanged") as? Int == 10 && value(again, "created") as? Int == 0)
            // A bad item refuses the whole array, naming the item and the field in the API's words.
            let bad = [Self.person("N1", level: 5), Self.person("N1", level: 5, email: "n1b@example.org"), Self.person("N2", level: 40, email: "not-an-email")]
            let (refused, problems) = try await client.json(.post, "/api/v1/people/import", "[" + bad.joined(separator: ",") + "]")
            #expect(refused == .unprocessableContent)
            #expect(Set(issueFields(problems)).isSuperset(of: ["[1].externalId", "[2].level", "[2].email"]), "\(issueFields(problems))")
            #expect(messages(problems).contains("already used on [0]"))
            let (_, directory) = try await client.json(.get, "/api/v1/people?name=Person%20N")
            #expect(value(directory, "total") as? Int == 0, "nothing of a refused import is written")

            // Enrolments in bulk, with the same all-or-nothing rule.
            let (unknown, unknownProblems) = try await client.json(.post, "/api/v1/cycles/\(cycleID)/enrolments/import", "[" + Self.enrolment("X9", mentor: false) + "]")
            #expect(unknown == .unprocessableContent && issueFields(unknownProblems) == ["[0].personExternalId"])
            let enrolments = mentors.map { Self.enrolment($0, mentor: true) } + mentees.map { Self.enrolment($0, mentor: false) }
            let (enrolled, enrolSummary) = try await client.json(.post, "/api/v1/cycles/\(cycleID)/enrolments/import", "[" + enrolments.joined(separator: ",") + "]")
            #expect(enrolled == .ok && value(enrolSummary, "created") as? Int == 10)

            // The optimal plan, then its publication; publishing again creates nothing.
            #expect(try await client.json(.put, "/api/v1/cycles/\(cycleID)", #"{"state":"matching"}"#).0 == .ok)
            let (planned, plan) = try await client.json(.post, "/api/v1/cycles/\(cycleID)/plan?limit=4", #"{"seed":7}"#)
            #expect(planned == .ok)
            #expect(value(plan, "statistics.matched") as? Int == 6 && value(plan, "certificate.optimal") as? Bool == true)
            #expect(value(plan, "pairs.total") as? Int == 6 && (value(plan, "pairs.items") as? [Any])?.count == 4)
            #expect((value(plan, "statistics.excludedPairs.reporting-line") as? Int ?? 0) >= 1, "E1 can't be paired with their manager M1")
            // One mentee's other possible mentors: E1 is never offered their own manager, M1.
            func enrolmentOf(_ externalID: String) async throws -> String {
                let (_, found) = try await client.json(.get, "/api/v1/people?name=Person%20\(externalID)")
                let person = try #require((value(found, "items") as? [[String: Any]] ?? []).first { $0["externalId"] as? String == externalID }?["id"] as? String)
                let (_, enrolled) = try await client.json(.get, "/api/v1/cycles/\(cycleID)/enrolments?limit=500")
                return try #require((value(enrolled, "items") as? [[String: Any]] ?? []).first { $0["personId"] as? String == person }?["id"] as? String)
            }
            let (e1, m1) = (try await enrolmentOf("E1"), try await enrolmentOf("M1"))
            let (optionsStatus, options) = try await client.json(.post, "/api/v1/cycles/\(cycleID)/plan/mentees/\(e1)?limit=10", #"{"seed":7}"#)
            let offered = (value(options, "options.items") as? [[String: Any]] ?? []).compactMap { $0["mentorId"] as? String }
            #expect(optionsStatus == .ok && value(options, "menteeId") as? String == e1 && !offered.isEmpty)
            #expect(!offered.contains(m1) && (value(options, "ruledOut") as? Int ?? 0) >= 1, "the mentee's own manager is ruled out")
            let (published, publication) = try await client.json(.post, "/api/v1/cycles/\(cycleID)/publish", #"{"seed":7}"#)
            #expect(published == .created && value(publication, "relationships") as? Int == 6 && value(publication, "created") as? Bool == true)
            let (republished, second) = try await client.json(.post, "/api/v1/cycles/\(cycleID)/publish", #"{"seed":7}"#)
            #expect(republished == .ok && value(second, "created") as? Bool == false)

            // The relationships, as the programme's managers follow them.
            let (listed, relationships) = try await client.json(.get, "/api/v1/cycles/\(cycleID)/relationships")
            #expect(listed == .ok && value(relationships, "total") as? Int == 6)
            #expect(value(relationships, "items.0.health") as? String != nil && value(relationships, "items.0.meetings") as? Int == 0)
            let (_, state) = try await client.json(.get, "/api/v1/cycles/\(cycleID)")
            #expect(value(state, "state") as? String == "active")
        }
    }

    @Test("an integrator invites people to sign in: the link goes to their mailbox only; an account that signed in before is refused")
    func invitations() async throws {
        let demo = DemoOrganisation()
        let person = try #require(demo.people.first)
        try await withAppAndStore(demo: true) { client, store in
            let (invited, invitation) = try await client.json(.post, "/api/v1/invitations", #"{"email":"\#(person.email.uppercased())"}"#)
            #expect(invited == .created && value(invitation, "email") as? String == person.email.lowercased() && value(invitation, "linked") as? Bool == true)
            #expect(try await linkToken(sentTo: person.email.lowercased(), in: store) != nil, "the link is in their message")
            let answer = "\(invitation)"
            #expect(!answer.contains("token") && !answer.contains("set-password"), "the answer never carries the link")
            let (again, _) = try await client.json(.post, "/api/v1/invitations", #"{"email":"\#(person.email)"}"#)
            #expect(again == .created, "not signed in yet: invited again")
            let (refused, problems) = try await client.json(.post, "/api/v1/invitations", #"{"email":"\#(TestAccounts.adminEmail)"}"#)
            #expect(refused == .unprocessableContent && issueFields(problems) == ["email"])
            let (bad, badProblems) = try await client.json(.post, "/api/v1/invitations", #"{"email":"not an address"}"#)
            #expect(bad == .unprocessableContent && issueFields(badProblems) == ["email"])
            let (unknown, unknownProblems) = try await client.json(.post, "/api/v1/invitations", #"{"email":"x@example.org","role":"admin"}"#)
            #expect(unknown == .unprocessableContent && issueFields(unknownProblems) == ["role"])
        }
    }
}
