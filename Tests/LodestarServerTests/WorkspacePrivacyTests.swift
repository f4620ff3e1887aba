import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
import LodestarTestSupport
import NIOCore
import Testing

@Suite("The relationship workspace and the privacy of notes")
struct WorkspacePrivacyTests {
    @Test("the pair agree, sign, log meetings and keep notes; no manager or admin route ever shows a note's text")
    func workspace() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentor = callers.value[.mentor]!, mentee = callers.value[.mentee]!
            guard case .session(_, let mentorCSRF) = mentor, case .session(_, let menteeCSRF) = mentee else { Issue.record("sessions"); return }
            let path = "/relationships/\(callers.relationship)"
            // The agreement: every field needed; both sign; an edit needs both signatures again.
            var terms = ["csrf": menteeCSRF, "expectations": "Honest feedback", "goals": "", "timeFrame": "Six months",
                         "cadence": "Fortnightly", "confidentiality": "Everything", "ending": "A closing conversation"]
            let refused = try await client.form("\(path)/agreement", terms, as: mentee)
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("is empty; write what you agree"))
            terms["goals"] = "Lead the regional launch"
            #expect(try await client.form("\(path)/agreement", terms, as: mentee).status == .seeOther)
            #expect(try await client.form("\(path)/agreement/sign", ["csrf": menteeCSRF, "version": "1"], as: mentee).status == .seeOther)
            #expect(try await client.form("\(path)/agreement/sign", ["csrf": mentorCSRF, "version": "1"], as: mentor).status == .seeOther)
            let (_, signed) = try await client.page(path, as: mentor)
            #expect(signed.contains("Version 1") && !signed.contains("has not signed") && signed.contains("Lead the regional launch"))
            #expect(signed.contains(#"name="read" value="1""#), "the form says which version it was read at")
            // A form read before version 1 was written: refused, the typed text kept, nothing overwritten.
            var earlier = terms
            (earlier["csrf"], earlier["read"], earlier["goals"]) = (mentorCSRF, "0", "Something else")
            let conflict = try await client.form("\(path)/agreement", earlier, as: mentor)
            #expect(conflict.status == .conflict && String(buffer: conflict.body).contains("changed since you read it (it is now version 1)"))
            #expect(String(buffer: conflict.body).contains("Something else") && String(buffer: conflict.body).contains("Lead the regional launch"))
            terms["cadence"] = "Weekly"
            terms["csrf"] = mentorCSRF
            _ = try await client.form("\(path)/agreement", terms, as: mentor)
            let stale = try await client.form("\(path)/agreement/sign", ["csrf": menteeCSRF, "version": "1"], as: mentee)
            #expect(stale.status == .unprocessableContent && String(buffer: stale.body).contains("changed since you read it"))
            let (_, edited) = try await client.page(path, as: mentee)
            #expect(edited.contains("Version 2") && edited.contains("has not signed") && edited.contains("Sign version 2"))
            // Meetings held add up; a future one is refused.
            // Yesterday in UTC is in the past in every zone, whatever the hour the test runs at.
            let yesterday = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400)).prefix(10)
            #expect(try await client.form("\(path)/meetings", ["csrf": menteeCSRF, "heldOn": String(yesterday), "minutes": "90", "mode": "virtual"], as: mentee).status == .seeOther)
            let future = try await client.form("\(path)/meetings", ["csrf": menteeCSRF, "heldOn": "2099-01-01", "minutes": "30", "mode": "virtual"], as: mentee)
            #expect(future.status == .unprocessableContent && String(buffer: future.body).contains("is in the future"))
            // Goals: set one, then progress with an action for the partner.
            let refusedGoal = try await client.form("\(path)/goals", ["csrf": menteeCSRF, "title": "", "measure": "x", "due": "2027-06-30"], as: mentee)
            #expect(refusedGoal.status == .unprocessableContent && String(buffer: refusedGoal.body).contains("say specifically what you want to achieve"))
            _ = try await client.form("\(path)/goals", ["csrf": menteeCSRF, "title": "Chair the launch review", "measure": "Review held",
                                                        "competency": "decision-making", "due": "2099-06-30"], as: mentee)
            let (_, withGoal) = try await client.page(path, as: mentee)
            let goalID = try #require(withGoal.firstMatch(of: /goals\/([0-9a-f-]{36})/).map { String($0.1) })
            _ = try await client.form("\(path)/goals/\(goalID)", ["csrf": mentorCSRF, "progress": "25", "action": "Share last year's deck",
                                                                  "owner": "me", "actionDue": "2099-01-31"], as: mentor)
            let (unknownGoal, _) = try await client.execute(uri: "\(path)/goals/\(UUID())", method: .post,
                headers: [.cookie: "lodestar_session=\(TestAccounts.adminSession)"], body: ByteBuffer(string: "csrf=\(TestAccounts.csrf)&progress=5")) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(unknownGoal == .forbidden, "the admin is refused before the goal is looked up")
            let missingGoal = try await client.form("\(path)/goals/\(UUID())", ["csrf": menteeCSRF, "progress": "5"], as: mentee)
            #expect(missingGoal.status == .notFound && String(buffer: missingGoal.body).contains("No goal with id"))
            let (_, progressed) = try await client.page(path, as: mentee)
            #expect(progressed.contains("Chair the launch review") && progressed.contains("value=\"25\"")
                    && (progressed.contains("Share last year&#39;s deck") || progressed.contains("Share last year's deck")))
            #expect(progressed.contains("2 versions"))
            // Notes: private, shared, and the partner's private ones unseen.
            _ = try await client.form("\(path)/notes", ["csrf": menteeCSRF, "text": "PRIVATE-MENTEE-7731 my worries"], as: mentee)
            _ = try await client.form("\(path)/notes", ["csrf": menteeCSRF, "text": "SHARED-MENTEE-4410 reading list", "shared": "1"], as: mentee)
            _ = try await client.form("\(path)/notes", ["csrf": mentorCSRF, "text": "PRIVATE-MENTOR-2291 impressions"], as: mentor)
            let (_, mentorView) = try await client.page(path, as: mentor)
            #expect(mentorView.contains("SHARED-MENTEE-4410") && mentorView.contains("PRIVATE-MENTOR-2291") && !mentorView.contains("PRIVATE-MENTEE-7731"))
            let (_, menteeView) = try await client.page(path, as: mentee)
            #expect(menteeView.contains("PRIVATE-MENTEE-7731") && !menteeView.contains("PRIVATE-MENTOR-2291") && menteeView.contains("1.5 hours"))
            // Every GET route, as the programme manager, the organisation admin and both tokens: no note text anywhere.
            let pilot = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)/cycles", as: callers.value[.manager]!)
            let pilotID = try #require((value(pilot.1, "items") as? [[String: Any]])?.first { $0["name"] as? String == "2026 pilot" }?["id"] as? String)
            let (_, cyclePage) = try await client.page("/cycles/\(pilotID)", as: callers.value[.manager]!)
            #expect(cyclePage.contains("Relationships") && cyclePage.contains("1.5"), "the manager sees that a meeting happened and how long")
            #expect(cyclePage.contains("health-on-track"), "met today: on track")
            let (_, programmePage) = try await client.page("/programmes/\(demo.programme.id)", as: callers.value[.manager]!)
            #expect(programmePage.contains("1.5 hours of mentoring in 1 meeting across 1 relationship"), "hours add up per programme")
            let (_, asMentee) = try await client.page("/programmes/\(demo.programme.id)", as: mentee)
            #expect(!asMentee.contains("hours of mentoring"), "for the programme's managers")
            let markers = ["PRIVATE-MENTEE-7731", "SHARED-MENTEE-4410", "PRIVATE-MENTOR-2291"]
            var leaks: [String] = []
            for cycle in [demo.cycle.id.description, pilotID] {
                let ids = ConcreteIDs(programme: demo.programme.id.description, cycle: cycle, person: demo.people[0].id.description,
                                      enrolment: callers.menteeEnrolment, relationship: callers.relationship)
                for route in AccessMatrixTests.matrix.keys.sorted() where route.hasPrefix("GET ") {
                    let uri = ids.concrete(String(route.dropFirst(4)), conflict: "none", token: "none")
                    for role in [AccessMatrixTests.Role.manager, .admin, .readToken, .writeToken] {
                        let body = try await client.execute(uri: uri, method: .get, headers: callers.value[role]!.headers) { String(buffer: $0.body) }
                        for marker in markers where body.contains(marker) { leaks.append("\(uri) as \(role) shows \(marker)") }
                    }
                }
            }
            #expect(leaks == [])
        }
    }
}
