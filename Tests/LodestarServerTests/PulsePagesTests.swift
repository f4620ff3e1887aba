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
}
