import Foundation
import LodestarCore
import LodestarTestSupport
import Testing

@Suite("Programmes, cycles and enrolments API")
struct ProgrammeAPITests {
    static let programme = #"{"name":"Rising Leaders","objectives":"Grow leaders","focusCompetencies":["delegation"],"format":"one-to-one","durationWeeks":26,"cadence":"fortnightly"}"#

    @Test("creates a programme and a cycle, moves the cycle and refuses an illegal move", arguments: TestDatabase.allCases)
    func programmeAndCycle(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let (created, programme) = try await client.json(.post, "/api/v1/programmes", Self.programme)
            #expect(created == .created)
            let id = try #require(value(programme, "id") as? String)
            let (updated, changed) = try await client.json(.put, "/api/v1/programmes/\(id)", Self.programme.replacingOccurrences(of: "26", with: "30"))
            #expect(updated == .ok && value(changed, "durationWeeks") as? Int == 30)

            let (cycleCreated, cycle) = try await client.json(.post, "/api/v1/programmes/\(id)/cycles", #"{"name":"Spring"}"#)
            #expect(cycleCreated == .created)
            #expect(value(cycle, "state") as? String == "draft")
            #expect(value(cycle, "allowedNextStates") as? [String] == ["enrolling"])
            let cycleID = try #require(value(cycle, "id") as? String)

            let (refused, error) = try await client.json(.put, "/api/v1/cycles/\(cycleID)", #"{"state":"active"}"#)
            #expect(refused == .unprocessableContent)
            #expect(value(error, "error") as? String == "a cycle cannot move from draft to active; allowed from draft: enrolling")
            // Unanswered, the readiness check holds the cycle in draft and says what falls short.
            let (unready, shortfall) = try await client.json(.put, "/api/v1/cycles/\(cycleID)", #"{"state":"enrolling"}"#)
            #expect(unready == .unprocessableContent && issueFields(shortfall) == ["readinessOverride"])
            #expect((value(shortfall, "issues.0.message") as? String)?.contains("Organisation 0 %, Programme 0 %, Participants 0 %, Development 0 % — below the threshold of 75 %") == true)
            let (answered, report) = try await client.json(.put, "/api/v1/programmes/\(id)/readiness", Fixtures.readinessAllYes)
            #expect(answered == .ok && value(report, "ready") as? Bool == true && value(report, "overall") as? Int == 100)
            let (moved, enrolling) = try await client.json(.put, "/api/v1/cycles/\(cycleID)", #"{"state":"enrolling"}"#)
            #expect(moved == .ok && value(enrolling, "state") as? String == "enrolling")

            let (_, cycles) = try await client.json(.get, "/api/v1/programmes/\(id)/cycles")
            #expect(value(cycles, "total") as? Int == 1)
            let (_, all) = try await client.json(.get, "/api/v1/cycles")
            #expect(value(all, "items.0.id") as? String == cycleID)
        }
    }

    @Test("shows the matching settings in force and accepts the programme's own")
    func matchingSettings() async throws {
        try await withApp { client in
            let (_, defaults) = try await client.json(.post, "/api/v1/programmes", Self.programme)
            #expect(value(defaults, "matching.weights.goal-skill-fit") as? Double == 5)
            let own = Self.programme.replacingOccurrences(of: #""cadence":"fortnightly"}"#,
                with: #""cadence":"fortnightly","matching":{"weights":{"cross-department":3,"goal-skill-fit":1},"minimumLevelGap":2,"maximumLevelGap":5,"minimumWeeklyOverlap":60,"rotation":false}}"#)
            let (created, programme) = try await client.json(.post, "/api/v1/programmes", own)
            #expect(created == .created)
            #expect(value(programme, "matching.weights.cross-department") as? Double == 3)
            #expect(value(programme, "matching.rotation") as? Bool == false)
            let (refused, issues) = try await client.json(.post, "/api/v1/programmes", own.replacingOccurrences(of: #""cross-department":3"#, with: #""cross-department":-3"#))
            #expect(refused == .unprocessableContent && issueFields(issues) == ["matching.weights.cross-department"])
            // Peer circles: a size of 3 to 5, anything else refused by name.
            let circles = own.replacingOccurrences(of: #""rotation":false"#, with: #""rotation":false,"peerCircleSize":4"#)
            let (_, peer) = try await client.json(.post, "/api/v1/programmes", circles)
            #expect(value(peer, "matching.peerCircleSize") as? Int == 4)
            let (tooBig, sizeIssues) = try await client.json(.post, "/api/v1/programmes", circles.replacingOccurrences(of: #""peerCircleSize":4"#, with: #""peerCircleSize":7"#))
            #expect(tooBig == .unprocessableContent && issueFields(sizeIssues) == ["matching.peerCircleSize"])
        }
    }

    @Test("declares, lists and withdraws conflicts of interest")
    func conflicts() async throws {
        try await withApp { client in
            _ = try await client.json(.post, "/api/v1/people", PeopleAPITests.chief)
            _ = try await client.json(.post, "/api/v1/people", #"{"externalId":"P-2","name":"Zoë","email":"zoe@example.org","level":9,"timeZone":"UTC"}"#)
            let (created, conflict) = try await client.json(.post, "/api/v1/conflicts", #"{"personA":"P-1","personB":"P-2","reason":"spouses"}"#)
            #expect(created == .created)
            let (_, list) = try await client.json(.get, "/api/v1/conflicts")
            #expect(value(list, "total") as? Int == 1)
            let (refused, issues) = try await client.json(.post, "/api/v1/conflicts", #"{"personA":"P-1","personB":"P-9","reason":""}"#)
            #expect(refused == .unprocessableContent && issueFields(issues) == ["personB", "reason"])
            let id = try #require(value(conflict, "id") as? String)
            let deleted = try await client.execute(uri: "/api/v1/conflicts/\(id)", method: .delete, headers: Caller.admin.headers) { $0.status }
            #expect(deleted == .noContent)
            let again = try await client.execute(uri: "/api/v1/conflicts/\(id)", method: .delete, headers: Caller.admin.headers) { $0.status }
            #expect(again == .notFound, "withdrawing twice says what was not found")
            let (gone, _) = try await client.json(.get, "/api/v1/conflicts/\(id)")
            #expect(gone == .notFound || gone == .methodNotAllowed)
        }
    }

    @Test("refuses an unknown format with 400 and unknown competencies with 422")
    func programmeValidation() async throws {
        try await withApp { client in
            let (badFormat, format) = try await client.json(.post, "/api/v1/programmes", Self.programme.replacingOccurrences(of: "one-to-one", with: "solo"))
            #expect(badFormat == .badRequest && issueFields(format) == ["format"])
            let (badValues, values) = try await client.json(.post, "/api/v1/programmes",
                Self.programme.replacingOccurrences(of: "\"delegation\"", with: "\"juggling\"").replacingOccurrences(of: "26", with: "0"))
            #expect(badValues == .unprocessableContent)
            #expect(issueFields(values) == ["durationWeeks", "focusCompetencies"])
        }
    }

    @Test("enrols a person with a profile, lists by role and updates the profile", arguments: TestDatabase.allCases)
    func enrolments(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let (_, programme) = try await client.json(.post, "/api/v1/programmes", Self.programme)
            _ = try await client.json(.put, "/api/v1/programmes/\(value(programme, "id")!)/readiness", Fixtures.readinessAllYes)
            let (_, cycle) = try await client.json(.post, "/api/v1/programmes/\(value(programme, "id")!)/cycles", #"{"state":"enrolling"}"#)
            let cycleID = try #require(value(cycle, "id") as? String)
            let (_, person) = try await client.json(.post, "/api/v1/people", PeopleAPITests.chief)
            let personID = try #require(value(person, "id") as? String)
            let profile = #"{"skills":[{"competency":"delegation","proficiency":5}],"developmentGoals":[],"interests":["chess"],"meetingMode":"virtual","availability":{"slots":[{"day":"mon","startMinute":540,"endMinute":600}]},"capacity":2,"careerGoals":""}"#

            let (created, enrolment) = try await client.json(.post, "/api/v1/cycles/\(cycleID)/enrolments", #"{"personId":"\#(personID)","role":"mentor","profile":\#(profile)}"#)
            #expect(created == .created)
            let enrolmentID = try #require(value(enrolment, "id") as? String)
            let (_, mentors) = try await client.json(.get, "/api/v1/cycles/\(cycleID)/enrolments?role=mentor")
            #expect(value(mentors, "total") as? Int == 1)
            let (_, mentees) = try await client.json(.get, "/api/v1/cycles/\(cycleID)/enrolments?role=mentee")
            #expect(value(mentees, "total") as? Int == 0)
            let (badRole, _) = try await client.json(.get, "/api/v1/cycles/\(cycleID)/enrolments?role=boss")
            #expect(badRole == .unprocessableContent)

            let (refused, issues) = try await client.json(.put, "/api/v1/enrolments/\(enrolmentID)",
                #"{"profile":\#(profile.replacingOccurrences(of: "\"capacity\":2", with: "\"capacity\":0"))}"#)
            #expect(refused == .unprocessableContent && issueFields(issues) == ["capacity"])
            let (updated, changed) = try await client.json(.put, "/api/v1/enrolments/\(enrolmentID)",
                #"{"profile":\#(profile.replacingOccurrences(of: "\"capacity\":2", with: "\"capacity\":3"))}"#)
            #expect(updated == .ok && value(changed, "profile.capacity") as? Int == 3)
            let (_, cycleAfter) = try await client.json(.get, "/api/v1/cycles/\(cycleID)")
            #expect(value(cycleAfter, "mentors") as? Int == 1)
        }
    }

    @Test("edits the competency catalogue")
    func competencies() async throws {
        try await withApp { client in
            let (_, list) = try await client.json(.get, "/api/v1/competencies")
            #expect((value(list, "total") as? Int ?? 0) >= 10)
            let (created, _) = try await client.json(.post, "/api/v1/competencies", #"{"slug":"negotiation","name":"Negotiation","summary":"Reaches agreement."}"#)
            #expect(created == .created)
            let (duplicate, _) = try await client.json(.post, "/api/v1/competencies", #"{"slug":"negotiation","name":"Again","summary":""}"#)
            #expect(duplicate == .unprocessableContent)
            let (badSlug, issues) = try await client.json(.post, "/api/v1/competencies", #"{"slug":"Active Listening","name":"","summary":""}"#)
            #expect(badSlug == .unprocessableContent && issueFields(issues) == ["slug", "name"])
            let (updated, changed) = try await client.json(.put, "/api/v1/competencies/negotiation", #"{"slug":"negotiation","name":"Negotiating","summary":"Deals."}"#)
            #expect(updated == .ok && value(changed, "name") as? String == "Negotiating")
        }
    }
}

@Suite("Programme and cycle lists")
struct ProgrammeListTests {
    @Test("lists hold every programme past 500, and cycles filter by programme and state", arguments: TestDatabase.allCases)
    func filtered(database: TestDatabase) async throws {
        try await withApp(database, prepare: { store in
            for number in 1...501 {
                try await store.save(Programme(name: String(format: "Programme %03d", number), objectives: "", focusCompetencies: [],
                                               format: .oneToOne, durationWeeks: 26, cadence: .monthly))
            }
        }) { client in
            let (_, last) = try await client.json(.get, "/api/v1/programmes?offset=500&limit=10")
            #expect(value(last, "total") as? Int == 501 && value(last, "items.0.name") as? String == "Programme 501")
            let (_, first) = try await client.json(.get, "/api/v1/programmes?limit=1")
            let programme = try #require(value(first, "items.0.id") as? String)
            _ = try await client.json(.put, "/api/v1/programmes/\(programme)/readiness", Fixtures.readinessAllYes)
            for state in ["enrolling", "draft"] {
                _ = try await client.json(.post, "/api/v1/programmes/\(programme)/cycles", #"{"state":"\#(state)"}"#)
            }
            let (_, enrolling) = try await client.json(.get, "/api/v1/cycles?state=enrolling")
            #expect(value(enrolling, "total") as? Int == 1 && value(enrolling, "items.0.state") as? String == "enrolling")
            let (_, ofProgramme) = try await client.json(.get, "/api/v1/cycles?programmeId=\(programme)")
            #expect(value(ofProgramme, "total") as? Int == 2 && value(ofProgramme, "items.1.number") as? Int == 2)
            let (refused, problem) = try await client.json(.get, "/api/v1/cycles?state=paused")
            #expect(refused == .unprocessableContent && messages(problem).contains("'paused' is not one of draft, enrolling"))
        }
    }
}
