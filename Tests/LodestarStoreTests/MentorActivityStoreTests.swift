import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Inactive mentors")
struct MentorActivityStoreTests {
    static let now = NudgesStoreTests.now

    @Test("a mentor's last activity is their latest meeting, goal, agreement or pulse; quiet beyond two cadences they are listed for the manager and nudged once per two cadences",
          arguments: TestDatabase.allCases)
    func quietMentor(database: TestDatabase) async throws {
        try await database.withStore { store in
            // The demo programme meets fortnightly: two cadences are 28 days.
            let start = Self.now.addingTimeInterval(-90 * 86400)
            let (relationship, mentor, mentee, demo, manager) = try await NudgesStoreTests.activePair(store, since: start)
            func page(_ at: Date) async throws -> CyclePage {
                try await CyclePage.read(demo.cycle.id, enrolled: try PageRequest(limit: 1), relationships: try PageRequest(limit: 10), for: manager, now: at, store)
            }
            let before = try await page(Self.now)
            #expect(before.mentorLastActive.isEmpty && before.quietMentors.map(\.person) == [relationship.mentorPerson])
            #expect(before.quietMentors.first?.days == 90 && before.quietMentors.first?.lastActive == nil)
            // The mentee's own goal is not the mentor's activity; the mentor's agreement is.
            _ = try await RelationshipWorkspace(store: store, principal: mentee).addGoal(relationship.id, title: "Chair", measure: "Held", competency: nil,
                                                                                       due: Self.now, now: Self.now.addingTimeInterval(-80 * 86400))
            #expect(try await store.mentorActivity(in: demo.cycle.id).isEmpty)
            let wrote = Self.now.addingTimeInterval(-70 * 86400)
            _ = try await RelationshipWorkspace(store: store, principal: mentor).editAgreement(relationship.id, terms: Agreement.Terms(expectations: "e", goals: "g", timeFrame: "t", cadence: "c", confidentiality: "x", ending: "z"), now: wrote)
            #expect(try await store.mentorActivity(in: demo.cycle.id) == [relationship.mentorPerson: wrote])
            #expect(try await page(Self.now).quietMentors.first?.days == 70)

            let nudges = Nudges(store: store, publicURL: "https://mentoring.example")
            #expect(try await nudges.run(now: Self.now).mentorNudges == 1)
            #expect(try await nudges.run(now: Self.now.addingTimeInterval(20 * 86400)).mentorNudges == 0, "not again within two cadences")
            let told = try await store.notices(page: .everything).items.filter { $0.subject.hasSuffix("is waiting to hear from you") }
            #expect(told.count == 1 && told[0].recipient == mentor.person?.email && told[0].body.contains("/relationships/\(relationship.id)"))

            // A meeting held today makes the mentor active: no longer listed.
            _ = try await RelationshipWorkspace(store: store, principal: mentee).logMeeting(relationship.id, heldOn: Self.now, minutes: 60, mode: .virtual, now: Self.now)
            #expect(try await page(Self.now).quietMentors.isEmpty)
            #expect(try await page(Self.now).mentorLastActive[relationship.mentorPerson] == Self.now)
        }
    }

    @Test("a request waiting two days on its mentor nudges them once, whoever runs the job", arguments: TestDatabase.allCases)
    func waitingRequest(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, _, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            let mentor = try #require(demo.enrolments.first { $0.role == .mentor }), mentee = try #require(demo.enrolments.first { $0.role == .mentee })
            let sent = Self.now.addingTimeInterval(-3 * 86400)
            try await store.save(MentorRequest(cycleID: demo.cycle.id, mentee: mentee.id, mentor: mentor.id, rank: 1, state: .pending,
                                               sentAt: sent, expiresAt: Self.now.addingTimeInterval(4 * 86400)))
            let fresh = try #require(demo.enrolments.last { $0.role == .mentee && $0.id != mentee.id })
            try await store.save(MentorRequest(cycleID: demo.cycle.id, mentee: fresh.id, mentor: mentor.id, rank: 1, state: .pending,
                                               sentAt: Self.now.addingTimeInterval(-86400), expiresAt: Self.now.addingTimeInterval(6 * 86400)))
            #expect(try await Nudges(store: store).run(now: Self.now).requestNudges == 1, "only the request older than two days")
            #expect(try await Nudges(store: store).run(now: Self.now.addingTimeInterval(60)).requestNudges == 0)
            let told = try await store.notices(page: .everything).items.filter { $0.subject.hasSuffix("is still waiting for your answer") }
            let mentorEmail = try #require(try await store.person(mentor.personID)).email
            #expect(told.count == 1 && told[0].recipient == mentorEmail)
        }
    }
}
