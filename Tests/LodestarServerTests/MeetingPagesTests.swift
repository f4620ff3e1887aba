import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
import LodestarTestSupport
import NIOCore
import Testing

@Suite("Meetings, calendar feed, ending early and pairing by hand in the browser")
struct MeetingPagesTests {
    @Test("the mentee arranges, moves and cancels a meeting; its invitation keeps its UID; only the pair download it")
    func arrange() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentor = callers.value[.mentor]!, mentee = callers.value[.mentee]!, manager = callers.value[.manager]!
            guard case .session(_, let csrf) = mentee else { Issue.record("session"); return }
            let path = "/relationships/\(callers.relationship)"
            let (_, before) = try await client.page(path, as: mentee)
            #expect(before.contains("Arrange meeting") && (before.contains("Times that suit you both") || before.contains("do not overlap")))
            var fields = ["csrf": csrf, "date": "2099-03-16", "time": "10:00", "timeZone": "Europe/Berlin", "minutes": "60", "mode": "virtual",
                          "place": "https://video.example/room-7"]
            let wrong = try await client.form("\(path)/schedule", fields.merging(["time": "half past ten"]) { $1 }, as: mentee)
            #expect(wrong.status == .unprocessableContent && String(buffer: wrong.body).contains("is not a date and time"))
            #expect(try await client.form("\(path)/schedule", fields, as: mentee).status == .seeOther)
            let (_, page) = try await client.page(path, as: mentor)
            let meeting = try #require(page.firstMatch(of: /schedule\/([0-9a-f-]{36})\/invitation\.ics/).map { String($0.1) })
            #expect(page.contains("https://video.example/room-7"))
            // The mentor and mentee of the demo live in different zones: the time reads in both.
            let menteeName = try #require(page.firstMatch(of: /<h1>Mentoring ([^<]+)<\/h1>/).map { String($0.1) })
            #expect(page.contains(" for \(menteeName))"), "the meeting's time also in the mentee's zone")
            let invitation = "\(path)/schedule/\(meeting)/invitation.ics"
            let (type, first) = try await client.execute(uri: invitation, method: .get, headers: mentor.headers) {
                ($0.headers[.contentType] ?? "", String(buffer: $0.body))
            }
            #expect(type.hasPrefix("text/calendar") && first.contains("DTSTART;TZID=Europe/Berlin:20990316T100000") && first.contains("SEQUENCE:0"))
            let uid = try #require(first.firstMatch(of: /UID:(\S+)/).map { String($0.1) })
            #expect(try await client.page(invitation, as: manager).0 == .forbidden, "the manager never downloads the pair's invitation")
            fields["time"] = "11:30"
            #expect(try await client.form("\(path)/schedule/\(meeting)", fields, as: mentee).status == .seeOther)
            let (_, moved) = try await client.page(invitation, as: mentee)
            #expect(moved.contains("UID:\(uid)") && moved.contains("SEQUENCE:1") && moved.contains("DTSTART;TZID=Europe/Berlin:20990316T113000"))
            #expect(try await client.form("\(path)/schedule/\(meeting)/cancel", ["csrf": csrf], as: mentee).status == .seeOther)
            let (_, cancelled) = try await client.page(invitation, as: mentee)
            #expect(cancelled.contains("METHOD:CANCEL") && cancelled.contains("UID:\(uid)") && cancelled.contains("SEQUENCE:2"))
        }
    }

    @Test("a goal's milestone is added and ticked reached from the goal's form")
    func milestone() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentee = callers.value[.mentee]!
            guard case .session(_, let csrf) = mentee else { Issue.record("session"); return }
            let path = "/relationships/\(callers.relationship)"
            _ = try await client.form("\(path)/goals", ["csrf": csrf, "title": "Chair the review", "measure": "Held", "due": "2099-06-30"], as: mentee)
            let (_, page) = try await client.page(path, as: mentee)
            let goal = try #require(page.firstMatch(of: /goals\/([0-9a-f-]{36})/).map { "\(path)/goals/\($0.1)" })
            let late = try await client.form(goal, ["csrf": csrf, "progress": "10", "milestone": "Agenda agreed", "milestoneDue": "2100-01-01"], as: mentee)
            let lateText = String(buffer: late.body).replacingOccurrences(of: "&#39;", with: "'")
            #expect(late.status == .unprocessableContent && lateText.contains("is after the goal's own date"))
            #expect(try await client.form(goal, ["csrf": csrf, "progress": "10", "milestone": "Agenda agreed", "milestoneDue": "2099-03-31"], as: mentee).status == .seeOther)
            #expect(try await client.form(goal, ["csrf": csrf, "progress": "30", "checklist": "1", "reached-0": "1"], as: mentee).status == .seeOther)
            let (_, after) = try await client.page(path, as: mentee)
            #expect(after.contains("Agenda agreed") && after.contains("name=\"reached-0\" value=\"1\" checked") && after.contains("reached "))
        }
    }

    @Test("a personal feed: its address shown once, fetched without signing in, unknown or replaced addresses answer 404")
    func feed() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentee = callers.value[.mentee]!
            guard case .session(_, let csrf) = mentee else { Issue.record("session"); return }
            let (_, empty) = try await client.page("/calendar", as: mentee)
            #expect(empty.contains("You have no feed address yet"))
            let made = try await client.form("/calendar", ["csrf": csrf], as: mentee)
            let address = try #require(String(buffer: made.body).firstMatch(of: /(\/calendar\/cal_[A-Za-z0-9_-]+)/).map { String($0.1) })
            let (status, type, text) = try await client.execute(uri: address, method: .get) { ($0.status, $0.headers[.contentType] ?? "", String(buffer: $0.body)) }
            #expect(status == .ok && type.hasPrefix("text/calendar") && text.contains("BEGIN:VCALENDAR") && text.contains("METHOD:PUBLISH"))
            let (_, again) = try await client.page("/calendar", as: mentee)
            #expect(again.contains("You have a feed address") && !again.contains(address), "shown once")
            _ = try await client.form("/calendar", ["csrf": csrf], as: mentee)
            #expect(try await client.execute(uri: address, method: .get) { $0.status } == .notFound, "replaced")
            #expect(try await client.execute(uri: "/calendar/cal_guessed", method: .get) { $0.status } == .notFound)
        }
    }

    @Test("the manager ends a relationship with a reason; the pair read it; re-pairing the same two is refused with the rule named")
    func endAndPair() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let manager = callers.value[.manager]!, mentee = callers.value[.mentee]!
            guard case .session(_, let managerCSRF) = manager, case .session(_, let menteeCSRF) = mentee else { Issue.record("sessions"); return }
            let path = "/relationships/\(callers.relationship)"
            let noReason = try await client.form("\(path)/end", ["csrf": managerCSRF, "reason": " "], as: manager)
            #expect(noReason.status == .unprocessableContent && String(buffer: noReason.body).contains("say why it ends"))
            let ended = try await client.form("\(path)/end", ["csrf": managerCSRF, "reason": "The mentor changed roles"], as: manager)
            let pairs = try #require(ended.headers[.location])
            #expect(ended.status == .seeOther && pairs.contains("/pairs?mentee="), "the manager goes on to pair the mentee again")
            let (_, workspace) = try await client.page(path, as: mentee)
            #expect(workspace.contains("This relationship ended on") && workspace.contains("The mentor changed roles") && !workspace.contains("Arrange meeting"))
            let late = try await client.form("\(path)/notes", ["csrf": menteeCSRF, "text": "after the end"], as: mentee)
            #expect(late.status == .unprocessableContent && String(buffer: late.body).contains("no longer changes"))
            let (_, pairing) = try await client.page(pairs, as: manager)
            #expect(pairing.contains("Relationships that ended early") && pairing.contains("The mentor changed roles"))
            let menteeID = try #require(pairs.firstMatch(of: /mentee=([0-9a-f-]{36})/).map { String($0.1) })
            let (_, relationship) = try await client.json(.get, "/api/v1\(path)", as: manager)
            let mentorID = try #require(value(relationship, "mentorEnrolmentId") as? String)
            let excluded = try #require(pairing.firstMatch(of: /<details id="excluded-mentors">(.*?)<\/details>/.dotMatchesNewlines()).map { String($0.1) })
            #expect(excluded.contains(HardRule.rotation.explanation), "the old mentor is listed as excluded, by rotation")
            #expect(!pairing.contains("name=\"mentor\" value=\"\(mentorID)\""), "and offered nowhere")
            let (_, preview) = try await client.page("/cycles/\(try #require(value(relationship, "cycleId") as? String))/pairs?mentee=\(menteeID)&mentor=\(mentorID)", as: manager)
            #expect(preview.contains(HardRule.rotation.explanation) && !preview.contains("Pair them"))
            let half = try await client.form(pairs, ["csrf": managerCSRF, "mentee": menteeID], as: manager)
            #expect(half.status == .unprocessableContent && String(buffer: half.body).contains("mentor: choose one from the list"))
            let refused = try await client.form(pairs, ["csrf": managerCSRF, "mentee": menteeID, "mentor": mentorID], as: manager)
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("breaks a hard rule"))
        }
    }

    @Test("once its cycle closes, the workspace reads as complete: nothing to log, arrange or end; the home says complete; a late note is refused")
    func complete() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let manager = callers.value[.manager]!, mentee = callers.value[.mentee]!
            guard case .session(_, let managerCSRF) = manager, case .session(_, let menteeCSRF) = mentee else { Issue.record("sessions"); return }
            let path = "/relationships/\(callers.relationship)"
            let (_, before) = try await client.page(path, as: mentee)
            #expect(before.contains("Log meeting") && !before.contains("This mentoring is complete"))
            let (_, relationship) = try await client.json(.get, "/api/v1\(path)", as: manager)
            let cycle = "/cycles/\(try #require(value(relationship, "cycleId") as? String))"
            #expect(try await client.form("\(cycle)/state", ["csrf": managerCSRF, "state": "closed"], as: manager).status == .seeOther)
            let (_, after) = try await client.page(path, as: mentee)
            #expect(after.contains("This mentoring is complete") && !after.contains("Log meeting") && !after.contains("Arrange meeting") && !after.contains("<h2>Ending early</h2>"))
            #expect(after.contains("Write your story"), "the story can still be told")
            let late = try await client.form("\(path)/notes", ["csrf": menteeCSRF, "text": "after the close"], as: mentee)
            #expect(late.status == .unprocessableContent && String(buffer: late.body).contains("is complete"))
            #expect(try await client.page("/", as: mentee).1.contains("complete, from"))
            let (_, closed) = try await client.page(cycle, as: manager)
            #expect(closed.contains("state-closed") && !closed.contains("<summary>End early</summary>"))
        }
    }

    @Test("reverse and distance mentoring say what they mean in the workspace")
    func formatNotes() async throws {
        for (format, text) in [(MentoringFormat.reverse, "Reverse mentoring: a more junior colleague mentors you"), (.distance, "Distance mentoring: you meet virtually")] {
            let demo = DemoOrganisation()
            let callers = CallerBox()
            try await withApp(demo: true, prepare: { store in
                try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers)
                var programme = try #require(try await store.programme(demo.programme.id))
                programme.format = format
                try await store.save(programme)
            }) { client in
                let (_, page) = try await client.page("/relationships/\(callers.relationship)", as: callers.value[.mentee]!)
                #expect(page.contains(text), "\(format)")
            }
        }
    }
}
