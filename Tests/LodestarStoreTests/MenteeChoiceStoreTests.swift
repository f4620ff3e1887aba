import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Mentee choice: shortlist, ranked requests, answers, time-outs")
struct MenteeChoiceStoreTests {
    static let now = MeetingsStoreTests.now

    /// The demo programme in mentee-choice mode (two requests, seven days), its cycle matching.
    static func choosingDemo(_ store: FluentStore) async throws -> (mentee: Principal, DemoOrganisation) {
        let (_, _, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
        var programme = demo.programme
        var settings = programme.effectiveMatching
        settings.menteeChoice = .init(maximumRequests: 2, responseDays: 7)
        programme.matching = settings
        try await store.save(programme)
        var cycle = demo.cycle
        cycle.state = .matching
        try await store.save(cycle)
        return (mentee, demo)
    }

    /// The principal of the person behind an enrolment (an account made for them if need be).
    static func principal(of enrolment: Enrolment.ID, _ store: FluentStore) async throws -> Principal {
        let personID = try #require(try await store.enrolment(enrolment)?.personID)
        let someone = try #require(try await store.person(personID))
        let account = try await store.account(email: someone.email) ?? Account(email: someone.email, personID: someone.id, passwordHash: nil, isAdmin: false, createdAt: now)
        try await store.save(account)
        return try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: account)
    }

    static func notices(_ store: FluentStore, to principal: Principal) async throws -> [Notice] {
        try await store.notices(page: .everything).items.filter { $0.recipient == principal.person?.email }
    }

    @Test("ranked requests pass from a decline and a time-out to the next choice; an acceptance makes the relationship",
          arguments: TestDatabase.allCases)
    func journey(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (mentee, demo) = try await Self.choosingDemo(store)
            let choice = MenteeChoice(store: store, principal: mentee)
            let choosing = try await choice.choosing(demo.cycle.id, now: Self.now)
            #expect(choosing.shortlist.count >= 3 && !choosing.matched && choosing.requests.isEmpty)
            #expect(choosing.shortlist.map(\.score.total) == choosing.shortlist.map(\.score.total).sorted(by: >), "best fit first")
            let (first, second, third) = (choosing.shortlist[0].mentor.id, choosing.shortlist[1].mentor.id, choosing.shortlist[2].mentor.id)
            let excluded = try #require(demo.enrolments.first { $0.role == .mentor && !choosing.shortlist.map(\.mentor.id).contains($0.id) })
            for (choices, field) in [([first, second, third], "mentors"), ([first, first], "mentors"), ([excluded.id], "mentors.1"), ([], "mentors")] {
                do {
                    _ = try await choice.request(demo.cycle.id, mentors: choices, now: Self.now)
                    Issue.record("accepted \(choices.count) choices")
                } catch let error as ValidationError {
                    #expect(error.issues.map(\.field).contains(field), "\(error)")
                }
            }
            let sent = try await choice.request(demo.cycle.id, mentors: [first, second], now: Self.now)
            #expect(sent.map(\.state) == [.pending, .waiting] && sent[0].expiresAt == Self.now.addingTimeInterval(7 * 86400))
            await #expect(throws: ValidationError.self, "not again while under way") { try await choice.request(demo.cycle.id, mentors: [third], now: Self.now) }
            let firstMentor = try await Self.principal(of: first, store), secondMentor = try await Self.principal(of: second, store)
            #expect(try await Self.notices(store, to: firstMentor).contains { $0.subject.contains("asks you to be their mentor") })
            // The deadline is written in the mentor's own time zone, named, not in the server's.
            let mentorPerson = try #require(firstMentor.person), deadline = try #require(sent[0].expiresAt)
            #expect(try await Self.notices(store, to: firstMentor).contains { $0.body.contains("by \(mentorPerson.moment(deadline));") && $0.body.contains(mentorPerson.timeZone) })
            await #expect(throws: ValidationError.self, "a waiting request is not answered") {
                try await MenteeChoice(store: store, principal: secondMentor).accept(sent[1].id, now: Self.now)
            }
            await #expect(throws: AccessDenied.self, "only its mentor answers") { try await MenteeChoice(store: store, principal: secondMentor).accept(sent[0].id, now: Self.now) }
            await #expect(throws: ValidationError.self) { try await MenteeChoice(store: store, principal: firstMentor).decline(sent[0].id, reason: " ", now: Self.now) }
            try await MenteeChoice(store: store, principal: firstMentor).decline(sent[0].id, reason: "I am away this spring", now: Self.now.addingTimeInterval(3600))
            var requests = try await choice.choosing(demo.cycle.id, now: Self.now).requests
            #expect(requests.map(\.state) == [.declined, .pending] && requests[0].reason == "I am away this spring")
            #expect(try await Self.notices(store, to: mentee).contains { $0.body.contains("I am away this spring") })
            // The second choice lets its week pass: the request expires, once, and the mentee is asked to choose again.
            #expect(try await MenteeChoice.expire(store: store, now: Self.now.addingTimeInterval(8 * 86400)) == 1)
            #expect(try await MenteeChoice.expire(store: store, now: Self.now.addingTimeInterval(9 * 86400)) == 0)
            requests = try await choice.choosing(demo.cycle.id, now: Self.now).requests
            #expect(requests.map(\.state) == [.declined, .expired])
            #expect(try await Self.notices(store, to: mentee).contains { $0.subject.hasPrefix("Choose again") })
            await #expect(throws: ValidationError.self, "a mentor asked before is not asked again") { try await choice.request(demo.cycle.id, mentors: [second], now: Self.now) }
            let again = try await choice.request(demo.cycle.id, mentors: [third], now: Self.now.addingTimeInterval(9 * 86400))
            // A conflict declared after the request was sent is still a reason not to pair them.
            let thirdMentor = try await Self.principal(of: third, store)
            let conflict = ConflictOfInterest(between: try #require(mentee.person?.id), and: try #require(thirdMentor.person?.id), reason: "cousins")
            try await store.save(conflict)
            do {
                _ = try await MenteeChoice(store: store, principal: thirdMentor).accept(again[0].id, now: Self.now.addingTimeInterval(10 * 86400))
                Issue.record("accepted a pair a declared conflict excludes")
            } catch let error as ValidationError {
                #expect(error.summary.contains("a rule now excludes this pair"))
            }
            _ = try await store.delete(conflict.id)
            let relationship = try await MenteeChoice(store: store, principal: thirdMentor).accept(again[0].id, now: Self.now.addingTimeInterval(10 * 86400))
            #expect(relationship.mentor == third && relationship.menteePerson == mentee.person?.id && relationship.score > 0)
            #expect(try await choice.choosing(demo.cycle.id, now: Self.now).matched)
            #expect(try await Self.notices(store, to: mentee).contains { $0.subject.hasSuffix("is your mentor") })
        }
    }

    @Test("two acceptances racing for a mentor's last place: one relationship, the other mentor action told the places are taken",
          arguments: TestDatabase.allCases)
    func lastPlace(database: TestDatabase) async throws {
        try await database.withTwoServers { first, second in
            let (_, demo) = try await Self.choosingDemo(first)
            // A mentor on two mentees' shortlists, asked by both.
            var asked: [(mentee: Principal, shortlist: [Enrolment.ID])] = []
            for enrolment in demo.enrolments where enrolment.role == .mentee {
                let principal = try await Self.principal(of: enrolment.id, first)
                asked.append((principal, try await MenteeChoice(store: first, principal: principal).choosing(demo.cycle.id, now: Self.now).shortlist.map(\.mentor.id)))
            }
            var found: (Enrolment.ID, Principal, Principal)?
            search: for (i, a) in asked.enumerated() {
                for b in asked[(i + 1)...] {
                    if let mentor = a.shortlist.first(where: b.shortlist.contains) { found = (mentor, a.mentee, b.mentee); break search }
                }
            }
            let (mentor, x, y) = try #require(found)
            let requestX = try await MenteeChoice(store: first, principal: x).request(demo.cycle.id, mentors: [mentor], now: Self.now)[0]
            let requestY = try await MenteeChoice(store: first, principal: y).request(demo.cycle.id, mentors: [mentor], now: Self.now)[0]
            var enrolment = try #require(try await first.enrolment(mentor))
            enrolment.profile.capacity = 1
            try await first.save(enrolment)
            let asMentor = try await Self.principal(of: mentor, first)
            async let a = outcome { try await MenteeChoice(store: first, principal: asMentor).accept(requestX.id, now: Self.now) }
            async let b = outcome { try await MenteeChoice(store: second, principal: asMentor).accept(requestY.id, now: Self.now) }
            let results = await [a, b]
            #expect(results.filter { $0 == nil }.count == 1, "one acceptance succeeds: \(results)")
            #expect(results.compactMap { $0 }.first?.contains("your places are all taken (you take 1)") == true, "\(results)")
            #expect(try await first.relationships(in: demo.cycle.id).filter { $0.mentor == mentor }.count == 1)
        }
    }

    private func outcome(_ work: @Sendable () async throws -> Relationship) async -> String? {
        do { _ = try await work(); return nil } catch { return "\(error)" }
    }
}
