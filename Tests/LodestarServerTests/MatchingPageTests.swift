import Foundation
import HummingbirdTesting
import LodestarCore
import LodestarTestSupport
import Testing

@Suite("Running and publishing a matching from the cycle page")
struct MatchingPageTests {
    @Test("the manager runs the plan, publishes it once; the mentee then sees their mentor at home")
    func publishFromThePage() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let manager = callers.value[.manager]!, mentee = callers.value[.mentee]!
            guard case .session(_, let csrf) = manager else { Issue.record("the manager signs in with a session"); return }
            let cycle = "/cycles/\(demo.cycle.id)"
            let (_, enrolling) = try await client.page(cycle, as: manager)
            #expect(enrolling.contains("Move to matching") && enrolling.contains("Move to draft") && !enrolling.contains("Move to active"))
            let nonsense = try await client.form("\(cycle)/state", ["csrf": csrf, "state": "finished"], as: manager)
            let nonsensePage = String(buffer: nonsense.body)
            #expect(nonsense.status == .unprocessableContent
                    && (nonsensePage.contains("&#39;finished&#39; is not a cycle state") || nonsensePage.contains("'finished' is not a cycle state")))
            let skipping = try await client.form("\(cycle)/state", ["csrf": csrf, "state": "closed"], as: manager)
            #expect(skipping.status == .unprocessableContent && String(buffer: skipping.body).contains("allowed from enrolling"))
            let moved = try await client.form("\(cycle)/state", ["csrf": csrf, "state": "matching"], as: manager)
            #expect(moved.status == .seeOther)
            let (_, cyclePage) = try await client.page(cycle, as: manager)
            #expect(cyclePage.contains("\(cycle)/plan"))
            let (status, plan) = try await client.page("\(cycle)/plan?seed=3", as: manager)
            #expect(status == .ok && plan.contains("Proven optimal") && plan.contains("Publish this matching") && plan.contains("goal-skill-fit"))
            let (badSeed, _) = try await client.page("\(cycle)/plan?seed=abc", as: manager)
            #expect(badSeed == .unprocessableContent)
            let (badLock, lockPage) = try await client.page("\(cycle)/plan?lock=nonsense", as: manager)
            #expect(badLock == .unprocessableContent && lockPage.contains("is not MENTEE_ENROLMENT:MENTOR_ENROLMENT"))
            let published = try await client.form("\(cycle)/publish", ["csrf": csrf, "seed": "3"], as: manager)
            #expect(published.status == .seeOther && published.headers[.location] == cycle)
            let (_, after) = try await client.page(cycle, as: manager)
            #expect(after.contains("Relationships") && after.contains("state-active") && after.contains("Move to closed"))
            let again = try await client.form("\(cycle)/publish", ["csrf": csrf, "seed": "3"], as: manager)
            #expect(again.status == .seeOther)
            let (_, home) = try await client.page("/", as: mentee)
            #expect(home.contains("Your mentoring") && home.contains("your mentor"))
            let (outbox, _) = try await client.page("/admin/outbox")
            #expect(outbox == .ok)
        }
    }

    @Test("reassigning locks the pair and shows the score change; a pair that breaks a hard rule is refused with the rule named")
    func reassign() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let manager = callers.value[.manager]!
            guard case .session(_, let csrf) = manager else { Issue.record("the manager signs in with a session"); return }
            let cycle = "/cycles/\(demo.cycle.id)"
            _ = try await client.json(.put, "/api/v1\(cycle)", #"{"state":"matching"}"#, as: manager)
            let people = Dictionary(uniqueKeysWithValues: demo.people.map { ($0.id, $0) })
            let mentees = demo.enrolments.filter { $0.role == .mentee }, mentors = demo.enrolments.filter { $0.role == .mentor }
            // A declared conflict of interest rules the pair out.
            let mentee = try #require(mentees.first), conflicted = try #require(mentors.first)
            let (declared, _) = try await client.json(.post, "/api/v1/conflicts",
                #"{"personA":"\#(people[mentee.personID]!.externalID)","personB":"\#(people[conflicted.personID]!.externalID)","reason":"siblings"}"#)
            #expect(declared == .created)
            let (_, refused) = try await client.page("\(cycle)/plan?seed=1&mentee=\(mentee.id)&mentor=\(conflicted.id)", as: manager)
            #expect(refused.contains("Refused:") && refused.contains("declared-conflict"))
            #expect(!refused.contains("state\">locked"))
            var accepted: (String, Enrolment)?
            for mentor in mentors.dropFirst() where people[mentor.personID]!.level > people[mentee.personID]!.level + 1 {
                let (_, page) = try await client.page("\(cycle)/plan?seed=1&mentee=\(mentee.id)&mentor=\(mentor.id)", as: manager)
                if !page.contains("Refused:") { accepted = (page, mentor); break }
            }
            let (page, mentor) = try #require(accepted)
            #expect(page.contains("state\">locked") && page.contains("against the plan without your changes"))
            let published = try await client.form("\(cycle)/publish", ["csrf": csrf, "seed": "1", "locks": "\(mentee.id):\(mentor.id)"], as: manager)
            #expect(published.status == .seeOther)
            let (_, after) = try await client.page(cycle, as: manager)
            let row = try #require(after.components(separatedBy: "<tr>").first { $0.contains(people[mentee.personID]!.name) && $0.contains("data-label=\"Mentor\"") })
            #expect(row.contains(people[mentor.personID]!.name), "the locked pair was published")
        }
    }
}
