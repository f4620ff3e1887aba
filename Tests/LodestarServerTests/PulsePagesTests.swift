import Foundation
import LodestarCore
import LodestarTestSupport
import Testing

/// The pulse in the browser and the API: each participant rates a held meeting in the
/// workspace; the manager's cycle page shows the pulse as figures and only the shared comment.
@Suite("The pulse in the browser and the API")
struct PulsePagesTests {
    @Test("rated on the workspace page and through the API; the cycle page shows the fall in figures and the shared comment only")
    func pulse() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentor = callers.value[.mentor]!, mentee = callers.value[.mentee]!, manager = callers.value[.manager]!
            guard case .session(_, let menteeCSRF) = mentee, case .session(_, let mentorCSRF) = mentor else { Issue.record("sessions"); return }
            let path = "/relationships/\(callers.relationship)"
            let yesterday = Date().addingTimeInterval(-86400).formatted(.iso8601.year().month().day())
            #expect(try await client.form("\(path)/meetings", ["csrf": mentorCSRF, "heldOn": yesterday, "minutes": "45", "mode": "virtual"], as: mentor).status == .seeOther)
            let (_, page) = try await client.page(path, as: mentee)
            let pulse = try #require(page.firstMatch(of: /action="(\/relationships\/[0-9a-f-]+\/meetings\/[0-9a-f-]+\/pulse)"/).map { String($0.1) })
            #expect(page.contains("How did it go?"))
            let refused = try await client.form(pulse, ["csrf": menteeCSRF, "rating": ""], as: mentee)
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("choose a rating from 1 (poor) to 5 (excellent)"))
            let badFit = try await client.form(pulse, ["csrf": menteeCSRF, "rating": "2", "fit": "maybe"], as: mentee)
            #expect(badFit.status == .unprocessableContent && String(buffer: badFit.body).contains("is not one of good, not-sure, not-a-fit"))
            #expect(try await client.form(pulse, ["csrf": menteeCSRF, "rating": "2", "comment": "We ran out of time", "share": "1"], as: mentee).status == .seeOther)
            let (_, rated) = try await client.page(path, as: mentee)
            #expect(rated.contains("your pulse: 2 of 5, comment shared with your programme manager") && !rated.contains("How did it go?"))

            let meeting = try #require(pulse.split(separator: "/").dropLast().last.map(String.init))
            let (status, body) = try await client.json(.post, "/api/v1\(path)/meetings/\(meeting)/pulse", #"{"rating":2,"comment":"Not for the manager"}"#, as: mentor)
            #expect(status == .ok && value(body, "commentShared") as? Bool == false)

            let (_, relationship) = try await client.json(.get, "/api/v1\(path)", as: .admin)
            #expect(value(relationship, "health") as? String == "needs-attention" && value(relationship, "sharedComments") as? [String] == ["We ran out of time"])
            let (_, cycle) = try await client.page("/cycles/\(try #require(value(relationship, "cycleId") as? String))", as: manager)
            #expect(cycle.contains("pulse 2.0 of 5 after the last rated meeting") && cycle.contains("We ran out of time") && !cycle.contains("Not for the manager"))
        }
    }

    @Test("'not a fit' in the fit check: the mentee reads what follows, the cycle page offers to end the pair and pair the mentee again, never with the same mentor")
    func notAFit() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in
            try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers)
            // Other mentors enrol in the pilot, so that the mentee can be paired again.
            let id = try #require(Relationship.ID(callers.relationship))
            let pilot = try #require(try await store.relationship(id)).cycleID
            let taken = Set(try await store.allEnrolments(in: pilot).map(\.personID))
            let others = demo.enrolments.filter { $0.role == .mentor && !taken.contains($0.personID) }.prefix(5)
            try await store.save(all: others.map { Enrolment(cycleID: pilot, personID: $0.personID, role: .mentor, profile: $0.profile) })
        }) { client in
            let mentor = callers.value[.mentor]!, mentee = callers.value[.mentee]!, manager = callers.value[.manager]!
            guard case .session(_, let menteeCSRF) = mentee, case .session(_, let mentorCSRF) = mentor, case .session(_, let managerCSRF) = manager else {
                Issue.record("sessions"); return
            }
            let path = "/relationships/\(callers.relationship)"
            let yesterday = Date().addingTimeInterval(-86400).formatted(.iso8601.year().month().day())
            #expect(try await client.form("\(path)/meetings", ["csrf": mentorCSRF, "heldOn": yesterday, "minutes": "45", "mode": "virtual"], as: mentor).status == .seeOther)
            let (_, page) = try await client.page(path, as: mentee)
            #expect(page.contains("The pairing so far") && !page.contains("id=\"not-a-fit\""))
            let pulse = try #require(page.firstMatch(of: /action="(\/relationships\/[0-9a-f-]+\/meetings\/[0-9a-f-]+\/pulse)"/).map { String($0.1) })
            #expect(try await client.form(pulse, ["csrf": menteeCSRF, "rating": "2", "fit": "not-a-fit"], as: mentee).status == .seeOther)
            let (_, told) = try await client.page(path, as: mentee)
            #expect(told.contains("You said this pairing is not a fit") && told.contains("match you with another mentor"))
            let (_, mentorsPage) = try await client.page(path, as: mentor)
            #expect(!mentorsPage.contains("You said this pairing is not a fit"), "the mentor did not say it")

            let (_, relationship) = try await client.json(.get, "/api/v1\(path)", as: manager)
            let cycleID = try #require(value(relationship, "cycleId") as? String)
            let oldMentor = try #require(value(relationship, "mentorEnrolmentId") as? String)
            let (_, cycle) = try await client.page("/cycles/\(cycleID)", as: manager)
            let alert = try #require(cycle.firstMatch(of: /<section class="notice" id="poor-fits">(.*?)<\/section>/.dotMatchesNewlines()).map { String($0.1) })
            #expect(alert.contains("1 pairing called not a fit") && alert.contains("action=\"\(path)/end\""), "\(alert)")
            let reason = try #require(alert.firstMatch(of: /name="reason" value="([^"]+)"/).map { String($0.1) })
            let ended = try await client.form("\(path)/end", ["csrf": managerCSRF, "reason": reason], as: manager)
            let pairs = try #require(ended.headers[.location])
            #expect(ended.status == .seeOther && pairs.contains("/pairs?mentee="))
            let (_, choice) = try await client.page(pairs, as: manager)
            let offered = choice.matches(of: /name="mentor" value="([0-9a-f-]{36})"/).map { String($0.1) }
            #expect(!offered.isEmpty && !offered.contains(oldMentor), "mentors are offered, the old one not")
            let menteeID = try #require(pairs.firstMatch(of: /mentee=([0-9a-f-]{36})/).map { String($0.1) })
            // The API ranks the same mentors the same way, the old one excluded by rotation.
            let (_, ranked) = try await client.json(.get, "/api/v1/cycles/\(cycleID)/pairs?mentee=\(menteeID)", as: manager)
            let mentors = value(ranked, "mentors") as? [[String: Any]] ?? []
            #expect(mentors.prefix(offered.count).compactMap { $0["enrolmentId"] as? String } == offered)
            let old = mentors.first { $0["enrolmentId"] as? String == oldMentor }
            #expect(old?["score"] == nil && (old?["brokenRules"] as? [String])?.contains(HardRule.rotation.explanation) == true)
            let paired = try await client.form(pairs, ["csrf": managerCSRF, "mentee": menteeID, "mentor": try #require(offered.first)], as: manager)
            #expect(paired.status == .seeOther)
            let (_, after) = try await client.page("/cycles/\(cycleID)", as: manager)
            #expect(after.contains("1 pairing called not a fit in the fit check.") && !after.contains("End and pair"))
            let (unknown, _) = try await client.json(.get, "/api/v1/cycles/\(cycleID)/pairs?mentee=\(oldMentor)", as: manager)
            #expect(unknown == .unprocessableContent, "a mentor's enrolment is not a mentee to rank for")
        }
    }
}
