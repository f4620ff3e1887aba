import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The pulse after each held meeting (PRODUCT.md M13): asked by a message, given in the
/// workspace, feeding the relationship's health as figures — a comment reaches the manager only
/// when its author shares it, and the other participant never.
@Suite("The pulse after a meeting")
struct PulseStoreTests {
    @Test("each is asked; a low or falling pulse needs attention, shown as figures; a comment reaches the manager only when shared", arguments: TestDatabase.allCases)
    func pulse(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date()
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now.addingTimeInterval(-20 * 86400), store)
            let asMentor = RelationshipWorkspace(store: store, principal: mentor), asMentee = RelationshipWorkspace(store: store, principal: mentee)
            let first = try await asMentor.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-10 * 86400), minutes: 60, mode: .virtual, now: now)
            let asked = try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("How was your mentoring meeting") }
            #expect(Set(asked.map(\.recipient)) == Set([mentor.person?.email, mentee.person?.email].compactMap { $0 }))
            #expect(asked.allSatisfy { $0.body.contains("/relationships/\(relationship.id)") && $0.programme == demo.programme.id })

            let oversight = RelationshipWorkspace(store: store, principal: manager)
            #expect(try await oversight.oversight(of: relationship, now: now).health == .onTrack)
            _ = try await asMentor.givePulse(relationship.id, meeting: first.id, rating: 5, comment: "", shareComment: false, now: now)
            _ = try await asMentee.givePulse(relationship.id, meeting: first.id, rating: 4, comment: "Useful", shareComment: false, now: now)
            var seen = try await oversight.oversight(of: relationship, now: now)
            #expect(seen.pulse?.latest == 4.5 && seen.pulse?.concern == nil && seen.health == .onTrack && seen.sharedComments.isEmpty)

            // A second meeting goes badly: the pulse falls by 2.5; the mentee shares why, the mentor keeps theirs.
            let second = try await asMentee.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-2 * 86400), minutes: 30, mode: .virtual, now: now)
            _ = try await asMentor.givePulse(relationship.id, meeting: second.id, rating: 2, comment: "My private worry", shareComment: false, now: now)
            _ = try await asMentee.givePulse(relationship.id, meeting: second.id, rating: 2, comment: "We keep cancelling", shareComment: true, now: now)
            seen = try await oversight.oversight(of: relationship, now: now)
            #expect(seen.health == .needsAttention && seen.pulse?.concern == "pulse fell from 4.5 to 2.0 of 5")
            #expect(seen.sharedComments.map(\.comment) == ["We keep cancelling"], "the mentor's unshared comment never reaches the manager")
            // Each participant reads back their own pulse only.
            let mine = try await asMentor.open(relationship.id).myPulses
            #expect(mine.values.map(\.comment).sorted() == ["", "My private worry"])
            #expect(!(try await asMentee.open(relationship.id).myPulses.values.contains { $0.comment == "My private worry" }))

            // Giving it again replaces it; a rating out of range or another's meeting is refused; outsiders can't rate.
            _ = try await asMentor.givePulse(relationship.id, meeting: second.id, rating: 4, comment: "", shareComment: false, now: now)
            #expect(try await oversight.oversight(of: relationship, now: now).pulse?.latest == 3)
            let refused = await #expect(throws: ValidationError.self) {
                try await asMentor.givePulse(relationship.id, meeting: second.id, rating: 6, comment: "", shareComment: false, now: now)
            }
            #expect(refused?.issues.map(\.field) == ["rating"])
            await #expect(throws: NotFound.self) { try await asMentor.givePulse(relationship.id, meeting: HeldMeeting.ID(), rating: 3, comment: "", shareComment: false, now: now) }
            await #expect(throws: AccessDenied.self) { try await oversight.givePulse(relationship.id, meeting: second.id, rating: 1, comment: "", shareComment: false, now: now) }
        }
    }

    @Test("the fit check: asked after the first meeting and again after 'not sure'; 'not a fit' tells the managers, offers the mentee a re-match and puts the pair at risk",
          arguments: TestDatabase.allCases)
    func fitCheck(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date()
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now.addingTimeInterval(-20 * 86400), store)
            let asMentor = RelationshipWorkspace(store: store, principal: mentor), asMentee = RelationshipWorkspace(store: store, principal: mentee)
            let (menteeAsked, mentorAsked) = (try await asMentee.open(relationship.id).asksFit, try await asMentor.open(relationship.id).asksFit)
            #expect(menteeAsked && mentorAsked)
            let first = try await asMentor.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-9 * 86400), minutes: 60, mode: .virtual, now: now)
            _ = try await asMentor.givePulse(relationship.id, meeting: first.id, rating: 4, comment: "", shareComment: false, fit: .good, now: now)
            _ = try await asMentee.givePulse(relationship.id, meeting: first.id, rating: 3, comment: "", shareComment: false, fit: .unsure, now: now)
            #expect(!(try await asMentor.open(relationship.id).asksFit), "a good fit is not asked again")
            #expect(try await asMentee.open(relationship.id).asksFit, "'not sure yet' is asked again after the next meeting")
            let oversight = RelationshipWorkspace(store: store, principal: manager)
            #expect(try await oversight.oversight(of: relationship, now: now).fit == .unsure)

            let second = try await asMentee.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-2 * 86400), minutes: 45, mode: .virtual, now: now)
            _ = try await asMentee.givePulse(relationship.id, meeting: second.id, rating: 3, comment: "", shareComment: false, fit: .poor, now: now.addingTimeInterval(60))
            let seen = try await oversight.oversight(of: relationship, now: now)
            #expect(seen.fit == .poor && seen.health == .atRisk)
            let notices = try await store.notices(page: .everything).items
            let managerEmail = try #require(try await store.managers(of: demo.programme.id).first?.email)
            let alert = try #require(notices.first { $0.recipient == managerEmail && $0.subject.hasPrefix("A pairing is not a fit") })
            #expect(alert.body.contains("/cycles/\(demo.cycle.id)/pairs") && alert.programme == demo.programme.id)
            #expect(notices.contains { $0.recipient == mentee.person?.email && $0.subject == "Your programme manager can match you again" })
            #expect(!notices.contains { $0.recipient == mentor.person?.email && $0.subject == "Your programme manager can match you again" })
            let page = try await CyclePage.read(demo.cycle.id, enrolled: .first, relationships: .first, for: manager, now: now, store)
            #expect(page.poorFits == 1)
        }
    }
}
