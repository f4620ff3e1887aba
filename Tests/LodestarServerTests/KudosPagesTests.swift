import Foundation
import LodestarCore
import LodestarTestSupport
import NIOCore
import Testing

/// Kudos and success stories in the browser: sent from the workspace, read and shown from the
/// recipient's home, written and approved in the workspace, featured by a manager.
@Suite("Kudos and story pages")
struct KudosPagesTests {
    @Test("kudos sent from the workspace reach the mentor's home and the programme's page once allowed; a story approved by both is featured by the manager")
    func kudosAndStory() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentee = try #require(callers.value[.mentee]), mentor = try #require(callers.value[.mentor]), manager = try #require(callers.value[.manager])
            guard case .session(_, let csrf) = mentee, case .session(_, let mentorCSRF) = mentor, case .session(_, let managerCSRF) = manager else {
                Issue.record("sessions"); return
            }
            let path = "/relationships/\(callers.relationship)"
            let programme = "/programmes/\(demo.programme.id)"
            let (_, workspace) = try await client.page(path, as: mentee)
            let mentorID = try #require(workspace.firstMatch(of: /<select name="to"><option value="([0-9a-f-]{36})"/).map { String($0.1) })
            let empty = try await client.form("\(path)/kudos", ["csrf": csrf, "to": mentorID, "message": " "], as: mentee)
            #expect(empty.status == .unprocessableContent && String(buffer: empty.body).contains("say what you are thankful for"))
            #expect(try await client.form("\(path)/kudos", ["csrf": csrf, "to": mentorID, "message": "Thank you for the board review prep"], as: mentee).status == .seeOther)
            let (_, home) = try await client.page("/", as: mentor)
            #expect(home.contains("Kudos for you") && home.contains("Thank you for the board review prep"))
            let toggle = try #require(home.firstMatch(of: /action="(\/kudos\/[0-9a-f-]{36}\/shown)"/).map { String($0.1) })
            #expect(try await client.page(programme, as: mentee).1.contains("Thank you for the board review prep") == false, "not shown before the recipient allows")
            #expect(try await client.form(toggle, ["csrf": csrf, "shown": "1"], as: mentee).status == .notFound, "only the recipient decides")
            #expect(try await client.form(toggle, ["csrf": mentorCSRF, "shown": "1"], as: mentor).status == .seeOther)
            #expect(try await client.page(programme, as: mentee).1.contains("Thank you for the board review prep"))

            let untitled = try await client.form("\(path)/story", ["csrf": csrf, "read": "0", "storyTitle": "", "storyText": "We met."], as: mentee)
            #expect(untitled.status == .unprocessableContent && String(buffer: untitled.body).contains("title: is empty; give the story a title"))
            #expect(try await client.form("\(path)/story", ["csrf": csrf, "read": "0", "storyTitle": "From specialist to lead",
                                                             "storyText": "We met every fortnight."], as: mentee).status == .seeOther)
            #expect(!(try await client.page(programme, as: manager).1.contains("From specialist to lead")), "the manager reads it only once both approve")
            let (_, mentorView) = try await client.page(path, as: mentor)
            #expect(mentorView.contains("From specialist to lead") && mentorView.contains(">Approve this text</button>"))
            #expect(try await client.form("\(path)/story/approve", ["csrf": mentorCSRF, "version": "1"], as: mentor).status == .seeOther)
            let (_, toFeature) = try await client.page(programme, as: manager)
            let feature = try #require(toFeature.firstMatch(of: /action="(\/stories\/[0-9a-f-]{36}\/feature)"/).map { String($0.1) })
            #expect(toFeature.contains("Stories approved by their tellers, to feature"))
            #expect(try await client.form(feature, ["csrf": csrf, "featured": "1"], as: mentee).status == .forbidden, "a participant does not feature")
            #expect(try await client.form(feature, ["csrf": managerCSRF, "featured": "1"], as: manager).status == .seeOther)
            let (_, page) = try await client.page(programme, as: mentee)
            #expect(page.contains("Success stories") && page.contains("From specialist to lead") && page.contains("We met every fortnight."))
        }
    }

    @Test("kudos to anyone in one's programme from the Send kudos page and the API: found by name, never someone outside it, refused with the words kept")
    func sendToAnyone() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentee = try #require(callers.value[.mentee]), manager = try #require(callers.value[.manager])
            guard case .session(_, let csrf) = mentee else { Issue.record("sessions"); return }
            let (_, relationship) = try await client.json(.get, "/api/v1/relationships/\(callers.relationship)", as: .admin)
            let pair = [value(relationship, "mentorName") as? String, value(relationship, "menteeNames") as? String].compactMap { $0 }
            let enrolled = Set(demo.enrolments.map(\.personID))
            let colleague = try #require(demo.people.first { enrolled.contains($0.id) && !pair.contains($0.name) })
            let outsider = try #require(demo.people.first { !enrolled.contains($0.id) })
            let (_, home) = try await client.page("/", as: mentee)
            #expect(home.contains("id=\"send-kudos-link\" href=\"/kudos\"") || home.contains("href=\"/kudos\" id=\"send-kudos-link\""))
            let search = SiteURL.kudos.with([URLQueryItem(name: "programme", value: demo.programme.id.description), URLQueryItem(name: "q", value: colleague.name)])
            let (_, found) = try await client.page(search, as: mentee)
            #expect(found.contains("value=\"\(colleague.id)\"") && found.contains(colleague.name))
            let me = try #require(value(relationship, "menteeNames") as? String)
            let (_, mine) = try await client.page(SiteURL.kudos.with([URLQueryItem(name: "q", value: me)]), as: mentee)
            #expect(!mine.contains("name=\"to\""), "no one to thank by one's own name: oneself is left out")
            let (_, outside) = try await client.page(SiteURL.kudos.with([URLQueryItem(name: "q", value: outsider.name)]), as: mentee)
            #expect(!outside.contains("value=\"\(outsider.id)\""), "someone outside the programme is not found")
            let refused = try await client.form("/kudos", ["csrf": csrf, "programme": demo.programme.id.description, "to": outsider.id.description,
                                                           "message": "Thanks for the coffee"], as: mentee)
            let refusedPage = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent && refusedPage.contains("is not a participant of") && refusedPage.contains("Thanks for the coffee"))
            let sent = try await client.form("/kudos", ["csrf": csrf, "programme": demo.programme.id.description, "to": colleague.id.description,
                                                        "q": colleague.name, "message": "Thank you for the launch plan review"], as: mentee)
            let back = try #require(sent.headers[.location])
            #expect(sent.status == .seeOther && back.contains("sent=1"))
            #expect(try await client.page(back, as: mentee).1.contains("id=\"kudos-sent\""))
            let (_, firstTwenty) = try await client.page("/kudos", as: mentee)
            #expect(firstTwenty.contains("The first \(KudosBoard.recipientsAtMost) by name"), "an empty search lists the first and says there are more")
            #expect(!found.contains("The first \(KudosBoard.recipientsAtMost) by name"), "a name found once says nothing of more")
            let unchosen = try await client.form("/kudos", ["csrf": csrf, "message": "Thanks"], as: mentee)
            #expect(unchosen.status == .unprocessableContent && String(buffer: unchosen.body).contains("choose one of your programmes"))
            let notMine = try await client.form("/kudos", ["csrf": csrf, "programme": UUID().uuidString.lowercased(), "to": colleague.id.description,
                                                           "message": "Thanks"], as: mentee)
            #expect(notMine.status == .forbidden, "kudos only in a programme one takes part in")
            let (_, admins) = try await client.page("/kudos", as: .adminBrowser)
            #expect(admins.contains("you take part in none yet"))

            let recipients = "/api/v1/programmes/\(demo.programme.id)/kudos/recipients?name=\(colleague.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            let (status, list) = try await client.json(.get, recipients, as: mentee)
            #expect(status == .ok && (value(list, "items") as? [[String: Any]])?.contains { $0["personId"] as? String == colleague.id.description } == true)
            #expect(try await client.json(.get, recipients, as: manager).0 == .forbidden, "a manager outside the programme's cycles thanks no one in it")
            let long = String(repeating: "a", count: 201)
            #expect(try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)/kudos/recipients?name=\(long)", as: mentee).0 == .unprocessableContent)
        }
    }

    @Test("through the API: kudos sent, read by the recipient, shown on the programme's list; a story written, approved, featured", arguments: TestDatabase.allCases)
    func api(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(database, demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentee = try #require(callers.value[.mentee]), mentor = try #require(callers.value[.mentor]), manager = try #require(callers.value[.manager])
            let (_, workspace) = try await client.json(.get, "/api/v1/relationships/\(callers.relationship)/workspace", as: mentee)
            let mentorID = try #require(value(workspace, "people.0.personId") as? String)
            let (sent, kudos) = try await client.json(.post, "/api/v1/kudos", #"{"to":"\#(mentorID)","programmeId":"\#(demo.programme.id)","message":"Thanks for the prep"}"#, as: mentee)
            #expect(sent == .created && value(kudos, "toName") as? String != nil && value(kudos, "shown") as? Bool == false)
            let (tooLong, problem) = try await client.json(.post, "/api/v1/kudos",
                #"{"to":"\#(mentorID)","programmeId":"\#(demo.programme.id)","message":"\#(String(repeating: "x", count: 281))"}"#, as: mentee)
            #expect(tooLong == .unprocessableContent && issueFields(problem) == ["message"])
            let (_, mine) = try await client.json(.get, "/api/v1/kudos", as: mentor)
            let id = try #require(value(mine, "items.0.id") as? String)
            #expect(try await client.json(.put, "/api/v1/kudos/\(id)/shown", #"{"shown":true}"#, as: mentee).0 == .notFound)
            #expect(try await client.json(.put, "/api/v1/kudos/\(id)/shown", #"{"shown":true}"#, as: mentor).0 == .ok)
            let (_, shown) = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)/kudos", as: manager)
            #expect(value(shown, "total") as? Int == 1 && value(shown, "items.0.message") as? String == "Thanks for the prep")

            let story = "/api/v1/relationships/\(callers.relationship)/story"
            #expect(try await client.json(.get, story, as: mentee).0 == .notFound)
            let (written, body) = try await client.json(.put, story, #"{"title":"From specialist to lead","text":"We met every fortnight."}"#, as: mentee)
            #expect(written == .ok && value(body, "approved") as? Bool == false && value(body, "version") as? Int == 1)
            let (approved, after) = try await client.json(.post, "\(story)/approvals", #"{"version":1}"#, as: mentor)
            #expect(approved == .ok && value(after, "approved") as? Bool == true)
            let (_, stories) = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)/stories", as: manager)
            let storyID = try #require(value(stories, "toFeature.0.id") as? String)
            #expect(try await client.json(.put, "/api/v1/stories/\(storyID)/featured", #"{"featured":true}"#, as: manager).0 == .ok)
            let (_, seen) = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)/stories", as: mentee)
            #expect(value(seen, "featured.0.title") as? String == "From specialist to lead" && value(seen, "toFeature") == nil)
        }
    }
}
