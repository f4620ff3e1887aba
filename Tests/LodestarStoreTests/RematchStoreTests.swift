import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Ending early and pairing by hand")
struct RematchStoreTests {
    static let now = MeetingsStoreTests.now

    @Test("a relationship ends with a reason; the workspace stays to read; the mentee is re-matched, never to the same mentor",
          arguments: TestDatabase.allCases)
    func endAndRematch(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (relationship, mentor, mentee, demo, manager) = try await NudgesStoreTests.activePair(store, since: Self.now.addingTimeInterval(-30 * 86400))
            // Without rotation between cycles, a pair that ended in this one is still never made again.
            var programme = try #require(try await store.programme(demo.programme.id))
            programme.matching = programme.effectiveMatching
            programme.matching?.rotation = false
            try await store.save(programme)
            let asMentee = RelationshipWorkspace(store: store, principal: mentee)
            await #expect(throws: ValidationError.self) { try await asMentee.end(relationship.id, reason: "  ", now: Self.now) }
            await #expect(throws: AccessDenied.self) {
                try await RelationshipWorkspace(store: store, principal: ManualPairingRaceTests.stranger(store)).end(relationship.id, reason: "not mine", now: Self.now)
            }
            _ = try await RelationshipWorkspace(store: store, principal: .commandLine).end(relationship.id, reason: "admins may end as well", now: Self.now)
            let ended = try #require(try await store.relationship(relationship.id))
            #expect(ended.endedAt != nil && ended.endReason == "admins may end as well")
            await #expect(throws: ValidationError.self) { try await asMentee.addNote(relationship.id, text: "after the end", shared: false, now: Self.now) }
            #expect(try await asMentee.open(relationship.id).relationship.endedAt != nil, "still there to read")
            let told = try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("Your mentoring with") }
            #expect(Set(told.map(\.recipient)) == [try #require(mentor.person?.email), try #require(mentee.person?.email)])
            // Re-matching: the mentee is listed with the reason; their old mentor is refused by name.
            let pairing = ManualPairing(store: store, principal: manager)
            let candidates = try await pairing.candidates(demo.cycle.id)
            let listed = try #require(candidates.mentees.first { $0.enrolment.id == relationship.mentee })
            #expect(listed.ended == "admins may end as well")
            do {
                _ = try await pairing.pair(demo.cycle.id, mentee: relationship.mentee, mentor: relationship.mentor, now: Self.now)
                Issue.record("paired the same two again")
            } catch let error as ValidationError {
                #expect(error.summary.contains(HardRule.rotation.explanation))
            }
            // The mentee's mentors: the admissible best first, the old mentor among the excluded, by rotation.
            let options = try await pairing.options(for: relationship.mentee, among: candidates, now: Self.now)
            #expect(options.count == candidates.mentors.count)
            let old = try #require(options.first { $0.enrolment.id == relationship.mentor })
            #expect(old.explanation.score == nil && old.explanation.brokenRules.contains(.rotation))
            let scores = options.map { $0.explanation.score?.total ?? -1 }
            #expect(scores == scores.sorted(by: >), "best first, the excluded last")
            let best = try #require(options.first, "another mentor can take the mentee")
            let preview = try #require(best.explanation.score, "the best is admissible")
            await #expect(throws: ValidationError.self, "options are for the cycle's mentees without a mentor, not a mentor") {
                try await pairing.options(for: relationship.mentor, among: candidates, now: Self.now)
            }
            let other = best.enrolment.id
            let again = try await pairing.pair(demo.cycle.id, mentee: relationship.mentee, mentor: other, now: Self.now)
            #expect(again.score == preview.total)
            #expect(try await store.relationships(in: demo.cycle.id).filter { $0.mentee == relationship.mentee }.count == 2)
            await #expect(throws: ValidationError.self, "one open relationship per mentee") {
                try await pairing.pair(demo.cycle.id, mentee: relationship.mentee, mentor: other, now: Self.now)
            }
            await #expect(throws: AccessDenied.self) { try await ManualPairing(store: store, principal: mentor).candidates(demo.cycle.id) }
        }
    }
}

@Suite("Pairing by hand under concurrency")
struct ManualPairingRaceTests {
    /// A signed-in account with no role in the demo.
    static func stranger(_ store: FluentStore) async throws -> Principal {
        let account = Account(email: "stranger-\(UUID())@example.org", personID: nil, passwordHash: nil, isAdmin: false, createdAt: Date())
        try await store.save(account)
        return try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: account)
    }

    @Test("two managers pairing two mentees to a mentor's last place at once: one succeeds, the other is told the mentor is full",
          arguments: TestDatabase.allCases)
    func lastPlace(database: TestDatabase) async throws {
        try await database.withTwoServers { first, second in
            let (manager, _, _, demo) = try await UseCaseAccessStoreTests.demo(first)
            var cycle = demo.cycle
            cycle.state = .active
            try await first.save(cycle)
            let pairing = ManualPairing(store: first, principal: manager)
            // A mentor with one place, and two mentees either could take it.
            var found: (mentor: Enrolment, mentees: [Enrolment.ID])?
            for mentor in demo.enrolments where mentor.role == .mentor {
                var admissible: [Enrolment.ID] = []
                for mentee in demo.enrolments where mentee.role == .mentee {
                    if try await pairing.preview(cycle.id, mentee: mentee.id, mentor: mentor.id, now: RematchStoreTests.now).brokenRules.isEmpty { admissible.append(mentee.id) }
                    if admissible.count == 2 { break }
                }
                if admissible.count == 2 { found = (mentor, admissible); break }
            }
            let (mentor, mentees) = try #require(found)
            var full = mentor
            full.profile.capacity = 1
            try await first.save(full)
            let cycleID = cycle.id
            async let a = outcome { try await ManualPairing(store: first, principal: manager).pair(cycleID, mentee: mentees[0], mentor: mentor.id, now: RematchStoreTests.now) }
            async let b = outcome { try await ManualPairing(store: second, principal: manager).pair(cycleID, mentee: mentees[1], mentor: mentor.id, now: RematchStoreTests.now) }
            let results = await [a, b]
            #expect(results.filter { $0 == nil }.count == 1, "one pairing succeeds")
            #expect(results.compactMap { $0 }.first?.contains("has no place left (takes 1)") == true, "\(results)")
            #expect(try await first.relationships(in: cycle.id).filter { $0.mentor == mentor.id }.count == 1)
        }
    }

    @Test("holding a mentor makes a second server's transaction wait until the first commits, then see its pair (PostgreSQL)")
    func holdingWaits() async throws {
        try await TestDatabase.postgresql.withTwoServers { first, second in
            let demo = try #require(try await DemoSeeder(store: first).seedIfEmpty())
            let mentor = try #require(demo.enrolments.first { $0.role == .mentor }), mentee = try #require(demo.enrolments.first { $0.role == .mentee })
            let pair = Relationship(cycleID: demo.cycle.id, mentor: mentor.id, mentee: mentee.id, mentorPerson: mentor.personID,
                                    menteePerson: mentee.personID, score: 50, startedAt: RematchStoreTests.now)
            let events = EventLog()
            let (held, holding) = AsyncStream<Void>.makeStream()
            async let a: Void = first.inTransaction { tx in
                try await tx.holdMentor(mentor.id)
                await events.add("first holds")
                holding.yield()
                try await Task.sleep(for: .milliseconds(400))
                try await tx.insert([pair])
                await events.add("first commits")
            }
            for await _ in held { break }
            async let b: Int = second.inTransaction { tx in
                try await tx.holdMentor(mentor.id)
                await events.add("second holds")
                return try await tx.relationships(in: demo.cycle.id).count
            }
            let (_, seen) = try await (a, b)
            #expect(await events.entries == ["first holds", "first commits", "second holds"])
            #expect(seen == 1, "the second sees the first one's pair")
        }
    }

    actor EventLog {
        var entries: [String] = []
        func add(_ entry: String) { entries.append(entry) }
    }

    /// nil on success, else the message of the refusal.
    private func outcome(_ work: @Sendable () async throws -> Relationship) async -> String? {
        do { _ = try await work(); return nil } catch { return "\(error)" }
    }
}
