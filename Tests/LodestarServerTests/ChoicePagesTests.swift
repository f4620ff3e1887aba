import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Mentee choice in the browser")
struct ChoicePagesTests {
    @Test("the mentee ranks mentors from the shortlist; the first one declines with a reason, the second accepts from their requests page")
    func chooseAndAnswer() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await prepareMenteeChoice(in: store, demo: demo, callers: callers) }) { client in
            let mentee = callers.value[.mentee]!
            guard case .session(_, let csrf) = mentee else { Issue.record("session"); return }
            let path = "/cycles/\(demo.cycle.id)/choose"
            let (_, home) = try await client.page("/", as: mentee)
            #expect(home.contains("href=\"\(path)\"") && home.contains("Choose your mentor"))
            let relationshipsBefore = home.matches(of: /href="\/relationships\//).count
            let (_, page) = try await client.page(path, as: mentee)
            let options = page.matches(of: /<select name="choice-1">(.*?)<\/select>/.dotMatchesNewlines()).first.map { String($0.1) } ?? ""
            let mentors = options.matches(of: /value="([0-9a-f-]{36})"/).map { String($0.1) }
            #expect(mentors.count >= 2 && page.contains("Your shortlist") && page.contains("Second choice"))
            let unknown = try await client.form(path, ["csrf": csrf, "choice-1": "someone-else"], as: mentee)
            #expect(unknown.status == .unprocessableContent && String(buffer: unknown.body).contains("is not a mentor of the list"))
            let same = try await client.form(path, ["csrf": csrf, "choice-1": mentors[0], "choice-2": mentors[0]], as: mentee)
            #expect(same.status == .unprocessableContent && String(buffer: same.body).contains("a mentor is chosen twice"))
            #expect(try await client.form(path, ["csrf": csrf, "choice-1": mentors[0], "choice-2": mentors[1]], as: mentee).status == .seeOther)
            let (_, sent) = try await client.page(path, as: mentee)
            #expect(sent.contains("waiting for an answer until") && sent.contains("sent if the choices before it pass") && !sent.contains("Send my requests"))
            let firstMentor = Caller.session("mentor-\(mentors[0])", csrf: "csrf-mentor"), secondMentor = Caller.session("mentor-\(mentors[1])", csrf: "csrf-mentor")
            let (_, inbox) = try await client.page("/requests", as: firstMentor)
            let request = try #require(inbox.firstMatch(of: /requests\/([0-9a-f-]{36})\/decline/).map { String($0.1) })
            let (_, secondInbox) = try await client.page("/requests", as: secondMentor)
            #expect(secondInbox.contains("No request waits for your answer"), "the second choice is not asked yet")
            let noReason = try await client.form("/requests/\(request)/decline", ["csrf": "csrf-mentor", "reason": ""], as: firstMentor)
            #expect(noReason.status == .unprocessableContent && String(buffer: noReason.body).contains("tell the mentee why"))
            #expect(try await client.form("/requests/\(request)/decline", ["csrf": "csrf-mentor", "reason": "Travelling all spring"], as: firstMentor).status == .seeOther)
            let (_, passed) = try await client.page("/requests", as: secondMentor)
            let next = try #require(passed.firstMatch(of: /requests\/([0-9a-f-]{36})\/accept/).map { String($0.1) })
            #expect(try await client.form("/requests/\(next)/accept", ["csrf": "csrf-mentor"], as: secondMentor).status == .seeOther)
            let (_, done) = try await client.page(path, as: mentee)
            #expect(done.contains("declined: Travelling all spring") && done.contains("accepted — your mentor") && done.contains("You have a mentor in this cycle"))
            let (_, menteeHome) = try await client.page("/", as: mentee)
            #expect(menteeHome.matches(of: /href="\/relationships\//).count == relationshipsBefore + 1, "the new relationship is on the home page")
        }
    }
}
