import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Milestones and badges (PRODUCT.md M16): awarded as they happen, to everyone in the
/// relationship, announced in the inbox, each once however often — or however concurrently — it
/// is earned again.
@Suite("Milestones and badges")
struct MilestonesStoreTests {
    @Test("signing, meeting, a goal achieved, ten hours and the cycle's close each award a milestone to both, once", arguments: TestDatabase.allCases)
    func milestones(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date()
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now.addingTimeInterval(-60 * 86400), store)
            var cycle = demo.cycle
            cycle.state = .active
            try await store.save(cycle)
            let asMentor = RelationshipWorkspace(store: store, principal: mentor), asMentee = RelationshipWorkspace(store: store, principal: mentee)
            let people = [try #require(mentor.person), try #require(mentee.person)]
            func kinds(_ person: Person) async throws -> [MilestoneKind] { try await store.milestones(of: person.id).map(\.kind).sorted { $0.rawValue < $1.rawValue } }

            let terms = Agreement.Terms(expectations: "e", goals: "g", timeFrame: "t", cadence: "c", confidentiality: "s", ending: "n")
            let agreement = try await asMentee.editAgreement(relationship.id, terms: terms, now: now)
            _ = try await asMentee.signAgreement(relationship.id, version: agreement.version, now: now)
            #expect(try await kinds(people[1]).isEmpty, "one signature is not the agreement signed")
            _ = try await asMentor.signAgreement(relationship.id, version: agreement.version, now: now)
            _ = try await asMentor.signAgreement(relationship.id, version: agreement.version, now: now)
            let (mentorKinds, menteeKinds) = (try await kinds(people[0]), try await kinds(people[1]))
            #expect(mentorKinds == [.agreementSigned] && menteeKinds == [.agreementSigned])

            // Ten one-hour meetings: the first meeting, then ten hours, each once.
            for day in 1...10 {
                let meeting = try await asMentor.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-Double(50 - day) * 86400), minutes: 60, mode: .virtual, now: now)
                _ = try await asMentee.givePulse(relationship.id, meeting: meeting.id, rating: 5, comment: "", shareComment: false, now: now)
            }
            #expect(try await kinds(people[1]) == [.agreementSigned, .firstMeeting, .tenHours])
            let goal = try await asMentee.addGoal(relationship.id, title: "Chair the review", measure: "Held", competency: nil, due: now.addingTimeInterval(86400), now: now)
            _ = try await asMentee.updateGoal(relationship.id, goal: goal.id, progress: 100, newAction: nil, now: now)
            _ = try await ProgrammeOffice(store: store, principal: manager).move(demo.cycle.id, to: .closed, now: now)
            let all: [MilestoneKind] = [.agreementSigned, .cycleCompleted, .firstGoalAchieved, .firstMeeting, .tenHours]
            let (mentorAll, menteeAll) = (try await kinds(people[0]), try await kinds(people[1]))
            #expect(mentorAll == all && menteeAll == all)
            let announced = try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("Milestone: ") }
            #expect(announced.count == 10 && Set(announced.map(\.recipient)) == Set(people.map(\.email)))
            #expect(announced.allSatisfy { $0.programme == demo.programme.id })

            // The mentee's own record, with the place of each; the mentor's badge from five top pulses.
            let record = try await Recognition(store: store, principal: mentee).of(people[1].id)
            #expect(record.milestones.count == 5 && record.milestones.allSatisfy { $0.place == "Rising Leaders · 2027 cohort" })
            #expect(record.badges.map(\.title) == ["Reflective learner"])
            #expect(try await Recognition(store: store, principal: mentor).of(people[0].id).badges.map(\.title) == ["Consistently valued"])
            await #expect(throws: AccessDenied.self) { try await Recognition(store: store, principal: mentor).of(people[1].id) }
        }
    }

    @Test("two servers awarding at once award each milestone once")
    func concurrently() async throws {
        try await TestDatabase.postgresql.withTwoServers { first, second in
            let (_, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(first)
            let now = Date()
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now.addingTimeInterval(-30 * 86400), first)
            // Meetings logged before the awards existed: both servers find the same two milestones due.
            try await first.save(HeldMeeting(relationshipID: relationship.id, heldOn: now.addingTimeInterval(-86400), minutes: 60, mode: .virtual,
                                             loggedBy: relationship.mentorPerson))
            async let a = RelationshipWorkspace(store: first, principal: mentor).logMeeting(relationship.id, heldOn: now, minutes: 30, mode: .virtual, now: now)
            async let b = RelationshipWorkspace(store: second, principal: mentee).logMeeting(relationship.id, heldOn: now, minutes: 30, mode: .virtual, now: now)
            _ = try await (a, b)
            let awarded = try await first.milestones(ofAny: [relationship.id])
            #expect(awarded.count == 2 && Set(awarded.map(\.kind)) == [.firstMeeting])
            #expect(try await first.notices(page: .everything).items.filter { $0.subject == "Milestone: First meeting" }.count == 2)
        }
    }
}
