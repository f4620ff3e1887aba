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
            let (badEdit, badEditBody) = try await client.page("\(cycle)/plan?unassign=nonsense", as: manager)
            #expect(badEdit == .unprocessableContent && badEditBody.contains("is not an enrolment id"))
            let (noMentee, noMenteeBody) = try await client.page("\(cycle)/plan/mentees/\(UUID())", as: manager)
            #expect(noMentee == .notFound && noMenteeBody.contains("mentee enrolment"), "a mentee not in the cycle has no choice of mentors")
            let (badPage, badPageBody) = try await client.page("\(cycle)/plan?left-offset=-1", as: manager)
            #expect(badPage == .unprocessableContent && badPageBody.contains("left-offset"), "the unmatched list's paging is named as the link names it")
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
        try await Self.withMatchingCycle { client, demo, manager, csrf, cycle in
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

    @Test("swapping exchanges two mentees' mentors (both locked, the change shown); unassigning leaves a mentee out until put back; publishing keeps both edits")
    func swapAndUnassign() async throws {
        try await Self.withMatchingCycle { client, demo, manager, csrf, cycle in
            /// Each matched mentee's mentor and name, as the plan page shows them.
            func pairs(_ page: String) -> [String: (mentor: String, name: String)] {
                var result: [String: (String, String)] = [:]
                for match in page.matches(of: /<tr data-mentee="([0-9a-f-]{36})" data-mentor="([0-9a-f-]{36})"><td>([^<]+)<\/td>/) {
                    result[String(match.1)] = (String(match.2), String(match.3))
                }
                return result
            }
            let (_, first) = try await client.page("\(cycle)/plan?seed=1&limit=500", as: manager)
            let before = pairs(first)
            #expect(before.count > 10 && first.contains("Another mentor or a swap"))
            // The first mentee with a swap the choice page offers that passes the rules.
            var swapped: (a: String, b: String, page: String)?
            let ids = before.keys.sorted()
            search: for a in ids.prefix(6) {
                let (status, choice) = try await client.page("\(cycle)/plan/mentees/\(a)?seed=1&limit=500", as: manager)
                #expect(status == .ok && choice.contains("Another mentor for \(before[a]!.name)"))
                for link in choice.matches(of: /href="([^"]*swap=[^"]*)"/).map({ String($0.1).replacingOccurrences(of: "&amp;", with: "&") }) {
                    let (_, page) = try await client.page(link, as: manager)
                    guard !page.contains("Refused:"), let b = link.firstMatch(of: /with=([0-9a-f-]{36})/).map({ String($0.1) }) else { continue }
                    #expect(link.contains("swap=\(a)%3A\(before[a]!.mentor)") || link.contains("swap=\(a):\(before[a]!.mentor)"), "the swap names the pair as the page shows it")
                    swapped = (a, b, page)
                    break search
                }
            }
            let (a, b, swappedPage) = try #require(swapped)
            let (_, page) = try await client.page("\(cycle)/plan?seed=1&limit=500&lock=\(a):\(before[b]!.mentor)&lock=\(b):\(before[a]!.mentor)", as: manager)
            let after = pairs(page)
            #expect(swappedPage.contains("against the plan without your changes"))
            #expect(after[a]?.mentor == before[b]?.mentor && after[b]?.mentor == before[a]?.mentor, "the two mentors changed places")
            #expect(page.components(separatedBy: "state\">locked").count - 1 == 2 && page.contains("against the plan without your changes"))
            // Unassign a third mentee: left out, with a way back; the publish form carries it.
            let c = try #require(ids.first { $0 != a && $0 != b }), name = before[c]!.name
            let (_, out) = try await client.page("\(cycle)/plan?seed=1&limit=500&unassign=\(c)", as: manager)
            #expect(pairs(out)[c] == nil && out.contains("left out of this plan by the programme manager") && out.contains("put back"))
            #expect(out.contains("name=\"out\" value=\"\(c)\""))
            let published = try await client.form("\(cycle)/publish", ["csrf": csrf, "seed": "1", "locks": "\(a):\(after[a]!.mentor),\(b):\(after[b]!.mentor)", "out": c], as: manager)
            #expect(published.status == .seeOther)
            let (_, cyclePage) = try await client.page(cycle, as: manager)
            let rows = cyclePage.components(separatedBy: "<tr>").filter { $0.contains("data-label=\"Mentor\"") }
            #expect(!rows.isEmpty && !rows.contains { $0.hasPrefix("<td>\(name)</td>") }, "the left-out mentee has no relationship")
        }
    }

    @Test("weights tried on the plan change it, travel with every edit and the publication, and can be kept for the programme")
    func weights() async throws {
        try await Self.withMatchingCycle { client, demo, manager, csrf, cycle in
            let (_, standard) = try await client.page("\(cycle)/plan?seed=1", as: manager)
            #expect(standard.contains("name=\"w-goal-skill-fit\" value=\"5\"") && !standard.contains("tried on this plan"))
            let tried = "seed=1&" + MatchCriterion.allCases.map { "w-\($0.rawValue)=\($0 == .crossDepartment ? 40 : 1)" }.joined(separator: "&")
            let (_, page) = try await client.page("\(cycle)/plan?\(tried)", as: manager)
            #expect(page.contains("tried on this plan") && page.contains("name=\"w-cross-department\" value=\"40\""))
            #expect(page.contains("Keep these weights for the programme"))
            let objective = { (text: String) in text.firstMatch(of: /objective (\d+)/).map { String($0.1) } }
            #expect(objective(page) != nil && objective(page) != objective(standard), "another plan under other weights")
            // Every edit's link carries the weights, and so does the publish form.
            #expect(page.components(separatedBy: "w-cross-department=40").count > 10)
            let (bad, _) = try await client.page("\(cycle)/plan?seed=1&w-location=lots", as: manager)
            #expect(bad == .unprocessableContent)
            let kept = try await client.form("\(cycle)/weights", Dictionary(uniqueKeysWithValues: MatchCriterion.allCases.map {
                ("w-\($0.rawValue)", $0 == .crossDepartment ? "40" : "1")
            }).merging(["csrf": csrf, "seed": "1"]) { $1 }, as: manager)
            #expect(kept.status == .seeOther)
            let (_, programme) = try await client.json(.get, "/api/v1/programmes/\(demo.programme.id)", as: manager)
            #expect(value(programme, "matching.weights.cross-department") as? Double == 40)
        }
    }

    /// The demo app with the roles signed in and the demo cycle in matching: the client, the
    /// demo, the manager with their CSRF token, and the cycle's page path.
    @Test("a peer programme with circles: the plan shows members by circle, and publishing makes one relationship per circle")
    func peerCirclesFromThePage() async throws {
        try await Self.withMatchingCycle { client, demo, manager, csrf, cycle in
            let body = #"{"name":"Rising Leaders","objectives":"Peers learning together","focusCompetencies":["delegation"],"format":"peer","durationWeeks":26,"cadence":"fortnightly","matching":{"weights":{"goal-skill-fit":5},"minimumLevelGap":0,"maximumLevelGap":3,"minimumWeeklyOverlap":60,"rotation":true,"peerCircleSize":4}}"#
            let (changed, _) = try await client.json(.put, "/api/v1/programmes/\(demo.programme.id)", body)
            #expect(changed == .ok)
            let (status, plan) = try await client.page("\(cycle)/plan", as: manager)
            #expect(status == .ok && plan.contains("Circle of (convener)") && !plan.contains("Proven optimal"))
            // A member moves to another circle, named by its convener.
            let member = try #require(plan.firstMatch(of: /data-mentee="([0-9a-f-]{36})"/).map { String($0.1) })
            let (_, choice) = try await client.page("\(cycle)/plan/mentees/\(member)", as: manager)
            #expect(choice.contains("&#39;s circle") && choice.contains("Choose"))
            let published = try await client.form("\(cycle)/publish", ["csrf": csrf], as: manager)
            #expect(published.status == .seeOther)
            let (_, after) = try await client.page(cycle, as: manager)
            #expect(after.contains("<th>Members</th>") && after.contains("<th>Convener</th>") && after.contains("state-active"))
        }
    }

    static func withMatchingCycle(_ body: @escaping @Sendable (any TestClientProtocol, DemoOrganisation, Caller, String, String) async throws -> Void) async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let manager = callers.value[.manager]!
            guard case .session(_, let csrf) = manager else { Issue.record("the manager signs in with a session"); return }
            let cycle = "/cycles/\(demo.cycle.id)"
            _ = try await client.json(.put, "/api/v1\(cycle)", #"{"state":"matching"}"#, as: manager)
            try await body(client, demo, manager, csrf, cycle)
        }
    }
}
