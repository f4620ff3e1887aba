import Foundation
import HTTPTypes
import LodestarCore
import LodestarTestSupport
import NIOCore
import Testing

/// Goals evolve in the browser and through the API: revised, dropped with a note, reopened,
/// achieved; the history readable; a new goal started from a development goal of the profile.
@Suite("Goal pages")
struct GoalPagesTests {
    @Test("in the workspace a goal starts from the profile, is revised, refused a drop without a note, dropped, and its history reads what changed")
    func pages() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentee = try #require(callers.value[.mentee]), mentor = try #require(callers.value[.mentor])
            guard case .session(_, let csrf) = mentee, case .session(_, let mentorCSRF) = mentor else { Issue.record("session"); return }
            let path = "/relationships/\(callers.relationship)"
            let (_, first) = try await client.page(path, as: mentee)
            let link = try #require(first.firstMatch(of: /href="(\/relationships\/[0-9a-f-]+\?goalFrom=([a-z-]+))#set-goal"/))
            let (_, prefilled) = try await client.page(String(link.1), as: mentee)
            #expect(prefilled.contains("<option value=\"\(link.2)\" selected>") && prefilled.contains("value=\"Grow in "), "the form is filled from the profile")
            _ = try await client.form("\(path)/goals", ["csrf": csrf, "title": "Chair the review", "measure": "Held", "competency": String(link.2), "due": "2099-06-30"], as: mentee)
            let (_, page) = try await client.page(path, as: mentee)
            let goal = try #require(page.firstMatch(of: /goals\/([0-9a-f-]{36})/).map { "\(path)/goals/\($0.1)" })
            #expect(!page.contains("goalFrom=\(link.2)"), "a development goal a goal builds is no longer offered")
            #expect(try await client.form("\(goal)/revise", ["csrf": mentorCSRF, "read": "1", "title": "Chair two reviews", "measure": "Both held",
                                                             "competency": "", "due": "2099-09-30"], as: mentor).status == .seeOther)
            let noNote = try await client.form("\(goal)/state", ["csrf": csrf, "read": "2", "state": "dropped", "note": ""], as: mentee)
            #expect(noNote.status == .unprocessableContent && String(buffer: noNote.body).contains("say why the goal is dropped"))
            let stale = try await client.form("\(goal)/state", ["csrf": csrf, "read": "1", "state": "achieved", "note": ""], as: mentee)
            #expect(stale.status == .conflict, "a change made from an older read is not written over the revision")
            #expect(try await client.form("\(goal)/state", ["csrf": csrf, "read": "2", "state": "dropped", "note": "The launch moved"], as: mentee).status == .seeOther)
            let (_, after) = try await client.page(path, as: mentee)
            #expect(after.contains("Chair two reviews") && after.contains("health-dropped\">dropped") && after.contains("The launch moved"))
            #expect(after.contains("the title (was “Chair the review”)") && after.contains("marked dropped: The launch moved"), "the history says what changed")
            #expect(after.contains(">Reopen</button>") && !after.contains(">Update goal</button>"), "a dropped goal is reopened, not progressed")
            let weird = try await client.form("\(goal)/state", ["csrf": csrf, "read": "3", "state": "finished"], as: mentee)
            #expect(weird.status == .unprocessableContent && String(buffer: weird.body).contains("is not one of open, achieved, dropped"))
        }
    }

    @Test("through the API a goal is revised, achieved and its versions listed; the state's note is checked", arguments: TestDatabase.allCases)
    func api(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(database, demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let mentee = try #require(callers.value[.mentee]), manager = try #require(callers.value[.manager])
            let path = "/api/v1/relationships/\(callers.relationship)"
            let (_, workspace) = try await client.json(.get, "\(path)/workspace", as: mentee)
            #expect((value(workspace, "developmentGoals") as? [String])?.isEmpty == false)
            let (_, goal) = try await client.json(.post, "\(path)/goals", #"{"title":"Chair the review","measure":"Review held","due":"2099-06-30"}"#, as: mentee)
            let goalPath = "\(path)/goals/\(try #require(value(goal, "id") as? String))"
            let (revised, revision) = try await client.json(.post, "\(goalPath)/revisions",
                                                            #"{"title":"Chair two reviews","measure":"Both held","due":"2099-09-30"}"#, as: mentee)
            #expect(revised == .created && value(revision, "version") as? Int == 2 && value(revision, "state") as? String == "open")
            let (refused, problem) = try await client.json(.put, "\(goalPath)/state", #"{"state":"dropped"}"#, as: mentee)
            #expect(refused == .unprocessableContent && issueFields(problem).contains("note"))
            let (unknown, unknownProblem) = try await client.json(.put, "\(goalPath)/state", #"{"state":"achieved","by":"me"}"#, as: mentee)
            #expect(unknown == .unprocessableContent && issueFields(unknownProblem) == ["by"], "an unknown field is refused, named")
            let (achieved, body) = try await client.json(.put, "\(goalPath)/state", #"{"state":"achieved","note":"Both went well"}"#, as: mentee)
            #expect(achieved == .ok && value(body, "progress") as? Int == 100 && value(body, "stateNote") as? String == "Both went well")
            let (_, versions) = try await client.json(.get, "\(goalPath)/revisions", as: mentee)
            #expect((versions as? [Any])?.count == 3)
            #expect(try await client.json(.get, "\(goalPath)/revisions", as: manager).0 == .forbidden, "a manager reads no goal's history")
        }
    }
}
