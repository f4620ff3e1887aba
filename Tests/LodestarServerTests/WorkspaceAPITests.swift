import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
import LodestarTestSupport
import NIOCore
import Testing

/// The relationship workspace through the API: the pair agree, set goals, meet and keep notes;
/// a private note reaches only its author, and no manager, admin or token reads any note.
@Suite("The workspace API")
struct WorkspaceAPITests {
    @Test("the agreement, a goal and a meeting changed from one read: with If-Match the later change is refused (409), nothing overwritten",
          arguments: TestDatabase.allCases)
    func lostUpdates(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(database, demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentor = try #require(callers.value[.mentor]), mentee = try #require(callers.value[.mentee])
            let path = "/api/v1/relationships/\(callers.relationship)"
            func put(_ uri: String, _ body: String, ifMatch: String, as caller: Caller) async throws -> (HTTPResponse.Status, String) {
                var headers = caller.headers
                headers[.contentType] = "application/json"
                headers[HTTPField.Name("If-Match")!] = ifMatch
                return try await client.execute(uri: uri, method: .put, headers: headers, body: ByteBuffer(string: body)) { ($0.status, String(buffer: $0.body)) }
            }
            let terms = { (expectations: String) in
                #"{"expectations":"\#(expectations)","goals":"Lead the launch","timeFrame":"Six months","cadence":"Fortnightly","confidentiality":"Everything","ending":"A closing talk"}"#
            }
            // Both read "no agreement yet" (version 0); the mentee writes first, the mentor's write on that read is refused.
            #expect(try await put("\(path)/agreement", terms("Mentee's words"), ifMatch: #""0""#, as: mentee).0 == .ok)
            let (refused, message) = try await put("\(path)/agreement", terms("Mentor's words"), ifMatch: #""0""#, as: mentor)
            #expect(refused == .conflict && message.contains("changed since you read it (it is now version 1)"))
            let (_, workspace) = try await client.json(.get, "\(path)/workspace", as: mentor)
            #expect(value(workspace, "agreement.version") as? Int == 1 && value(workspace, "agreement.terms.expectations") as? String == "Mentee's words")
            #expect(try await put("\(path)/agreement", terms("Mentor's words"), ifMatch: #""1""#, as: mentor).0 == .ok)
            #expect(try await put("\(path)/agreement", terms("x"), ifMatch: "soon", as: mentor).0 == .unprocessableContent)

            let (_, goal) = try await client.json(.post, "\(path)/goals", #"{"title":"Chair the review","measure":"Review held","due":"2099-06-30"}"#, as: mentee)
            let goalID = try #require(value(goal, "id") as? String)
            #expect(try await put("\(path)/goals/\(goalID)", #"{"progress":40}"#, ifMatch: #""1""#, as: mentee).0 == .ok)
            let (stale, _) = try await put("\(path)/goals/\(goalID)", #"{"progress":10}"#, ifMatch: #""1""#, as: mentor)
            #expect(stale == .conflict)
            let (_, after) = try await client.json(.get, "\(path)/workspace", as: mentor)
            #expect(value(after, "goals.0.version") as? Int == 2 && value(after, "goals.0.progress") as? Int == 40, "the first change stands")
            // Without If-Match a change is made on the newest version.
            #expect(try await put("\(path)/goals/\(goalID)", #"{"progress":50}"#, ifMatch: "*", as: mentor).0 == .ok)

            // A meeting's sequence: moved by one from sequence 0; the other's cancel read at 0 is refused.
            let (_, meeting) = try await client.json(.post, "\(path)/scheduled-meetings",
                #"{"date":"2099-03-15","time":"14:30","timeZone":"Europe/Berlin","minutes":60,"mode":"virtual"}"#, as: mentor)
            let meetingPath = "\(path)/scheduled-meetings/\(try #require(value(meeting, "id") as? String))"
            #expect(value(meeting, "sequence") as? Int == 0)
            let (moved, movedBody) = try await put(meetingPath, #"{"date":"2099-03-16","time":"09:00","timeZone":"Europe/Berlin","minutes":60,"mode":"virtual"}"#,
                                                   ifMatch: #""0""#, as: mentee)
            #expect(moved == .ok && movedBody.contains(#""sequence":1"#))
            var headers = mentor.headers
            headers[HTTPField.Name("If-Match")!] = #""0""#
            let cancelRefused = try await client.execute(uri: meetingPath, method: .delete, headers: headers) { $0.status }
            #expect(cancelRefused == .conflict)
            headers[HTTPField.Name("If-Match")!] = #""1""#
            let cancelled = try await client.execute(uri: meetingPath, method: .delete, headers: headers) { $0.status }
            #expect(cancelled == .ok)
        }
    }

    @Test("the pair work through the API; private notes stay their author's and no manager or admin credential reads a note",
          arguments: TestDatabase.allCases)
    func workspace(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(database, demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentor = try #require(callers.value[.mentor]), mentee = try #require(callers.value[.mentee])
            let path = "/api/v1/relationships/\(callers.relationship)"
            // The agreement: every term needed; both sign the version they read.
            let (incomplete, missing) = try await client.json(.put, "\(path)/agreement", #"{"expectations":"Honest feedback"}"#, as: mentee)
            #expect(incomplete == .unprocessableContent && issueFields(missing).contains("goals"))
            let terms = #"{"expectations":"Honest feedback","goals":"Lead the launch","timeFrame":"Six months","cadence":"Fortnightly","confidentiality":"Everything","ending":"A closing talk"}"#
            let (written, agreement) = try await client.json(.put, "\(path)/agreement", terms, as: mentee)
            #expect(written == .ok && value(agreement, "version") as? Int == 1)
            #expect(try await client.json(.post, "\(path)/agreement/signatures", #"{"version":1}"#, as: mentee).0 == .ok)
            let (signed, both) = try await client.json(.post, "\(path)/agreement/signatures", #"{"version":1}"#, as: mentor)
            #expect(signed == .ok && (value(both, "signatures") as? [Any])?.count == 2)
            let (stale, _) = try await client.json(.post, "\(path)/agreement/signatures", #"{"version":7}"#, as: mentor)
            #expect(stale == .unprocessableContent)
            // A meeting held, a goal with an action for the partner, a meeting arranged and its invitation.
            let yesterday = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400)).prefix(10)
            #expect(try await client.json(.post, "\(path)/meetings", #"{"heldOn":"\#(yesterday)","minutes":45,"mode":"virtual"}"#, as: mentee).0 == .created)
            let (future, _) = try await client.json(.post, "\(path)/meetings", #"{"heldOn":"2099-01-01","minutes":45,"mode":"virtual"}"#, as: mentee)
            #expect(future == .unprocessableContent)
            let (goalMade, goal) = try await client.json(.post, "\(path)/goals", #"{"title":"Chair the review","measure":"Review held","due":"2099-06-30"}"#, as: mentee)
            #expect(goalMade == .created)
            let goalID = try #require(value(goal, "id") as? String)
            let (progressed, progress) = try await client.json(.put, "\(path)/goals/\(goalID)",
                #"{"progress":25,"action":{"text":"Share the deck","due":"2099-01-31"},"milestone":{"title":"Draft agenda","due":"2099-03-31"}}"#, as: mentor)
            #expect(progressed == .ok && value(progress, "version") as? Int == 2 && value(progress, "actions.0.text") as? String == "Share the deck")
            #expect(value(progress, "milestones.0.title") as? String == "Draft agenda")
            let (arranged, meeting) = try await client.json(.post, "\(path)/scheduled-meetings",
                #"{"date":"2099-03-15","time":"14:30","timeZone":"Europe/Berlin","minutes":60,"mode":"virtual","place":"Video"}"#, as: mentor)
            #expect(arranged == .created && value(meeting, "startsAt") as? String == "2099-03-15T13:30:00Z")
            let meetingID = try #require(value(meeting, "id") as? String)
            let (invited, calendar, type) = try await client.execute(uri: "\(path)/scheduled-meetings/\(meetingID)/invitation", method: .get, headers: mentee.headers) {
                ($0.status, String(buffer: $0.body), $0.headers[.contentType] ?? "")
            }
            #expect(invited == .ok && type.hasPrefix("text/calendar") && calendar.contains("BEGIN:VCALENDAR") && calendar.contains("DTSTART"))
            let (moved, _) = try await client.json(.put, "\(path)/scheduled-meetings/\(meetingID)",
                #"{"date":"2099-03-16","time":"09:00","timeZone":"Europe/Berlin","minutes":60,"mode":"virtual"}"#, as: mentee)
            #expect(moved == .ok)
            let (cancelled, gone) = try await client.json(.delete, "\(path)/scheduled-meetings/\(meetingID)", as: mentee)
            #expect(cancelled == .ok && value(gone, "cancelled") as? Bool == true)

            // Notes: the mentee's private one stays theirs; the shared one reaches the mentor.
            #expect(try await client.json(.post, "\(path)/notes", #"{"text":"PRIVATE-API-NOTE-8812 my worries"}"#, as: mentee).0 == .created)
            #expect(try await client.json(.post, "\(path)/notes", #"{"text":"SHARED-API-NOTE-3307 reading list","shared":true}"#, as: mentee).0 == .created)
            let (_, menteeView) = try await client.json(.get, "\(path)/workspace", as: mentee)
            let (_, mentorView) = try await client.json(.get, "\(path)/workspace", as: mentor)
            let notes = { (view: Any) in ((value(view, "notes") as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }.joined(separator: "|") }
            #expect(notes(menteeView).contains("PRIVATE-API-NOTE-8812") && notes(menteeView).contains("SHARED-API-NOTE-3307"))
            #expect(notes(mentorView).contains("SHARED-API-NOTE-3307") && !notes(mentorView).contains("PRIVATE-API-NOTE-8812"))
            #expect(value(mentorView, "minutes") as? Int == 45 && value(mentorView, "agreement.version") as? Int == 1)

            // No manager, admin or token reads a note, through the workspace or anything else.
            for role in [AccessMatrixTests.Role.manager, .admin, .readToken, .writeToken, .otherManager, .outsider] {
                let caller = try #require(callers.value[role])
                let (status, _) = try await client.json(.get, "\(path)/workspace", as: caller)
                #expect(status == .forbidden, "\(role) opened the workspace")
                for route in [path, "/api/v1/cycles/\(demo.cycle.id)/relationships?limit=500"] {
                    let body = try await client.execute(uri: route, method: .get, headers: caller.headers) { String(buffer: $0.body) }
                    #expect(!body.contains("API-NOTE-"), "\(role) read a note at \(route)")
                }
            }
            let (overseen, relationship) = try await client.json(.get, path, as: try #require(callers.value[.manager]))
            #expect(overseen == .ok && value(relationship, "meetings") as? Int == 1 && value(relationship, "agreementSigned") as? Bool == true)

            // Ending: said why, by one of its people; afterwards the workspace reads but no longer changes.
            let (ended, over) = try await client.json(.post, "\(path)/end", #"{"reason":"Moved on"}"#, as: mentee)
            #expect(ended == .ok && value(over, "health") as? String == "ended")
            let (late, _) = try await client.json(.post, "\(path)/notes", #"{"text":"after the end"}"#, as: mentee)
            #expect(late == .unprocessableContent)
        }
    }
}
