import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Group mentoring and peer circles")
struct GroupsAndCirclesStoreTests {
    static let now = MeetingsStoreTests.now

    /// The demo programme turned to `format` (with `matching`), its cycle published.
    static func published(_ format: MentoringFormat, matching: MatchingSettings? = nil, _ store: FluentStore,
                          prepare: (DemoOrganisation) async throws -> Void = { _ in })
        async throws -> (relationships: [Relationship], manager: Principal, demo: DemoOrganisation) {
        let (manager, _, _, demo) = try await UseCaseAccessStoreTests.demo(store)
        var programme = demo.programme
        programme.format = format
        programme.matching = matching
        try await store.save(programme)
        try await prepare(demo)
        _ = try await ProgrammeOffice(store: store, principal: manager).move(demo.cycle.id, to: .matching)
        let outcome = try await MatchingPublication(store: store, principal: manager).publish(demo.cycle.id, now: now)
        return (outcome.relationships, manager, demo)
    }

    /// The principal of a person, with an account made for them.
    static func principal(of person: Person.ID, _ store: FluentStore) async throws -> Principal {
        let email = try #require(try await store.person(person)).email
        let account: Account
        if let existing = try await store.account(email: email) {
            account = existing
        } else {
            account = Account(email: email, personID: person, passwordHash: nil, isAdmin: false, createdAt: now)
            try await store.save(account)
        }
        return try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: account)
    }

    @Test("group mentoring: one relationship per mentor holds their mentees; all sign, share goals and meetings; private notes stay private; a member leaves and is re-matched",
          arguments: TestDatabase.allCases)
    func groups(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (relationships, manager, demo) = try await Self.published(.group, store)
            #expect(Set(relationships.map(\.mentor)).count == relationships.count, "one group per mentor")
            let members = relationships.flatMap(\.members).map(\.enrolment)
            #expect(Set(members).count == members.count && members.count > 30, "every matched mentee in exactly one group")
            let group = try #require(relationships.first { $0.members.count >= 3 }, "some mentor takes three or more")
            let mentorEnrolment = try #require(try await store.enrolment(group.mentor))
            #expect(group.members.count <= mentorEnrolment.profile.capacity ?? 0, "a group is no larger than its mentor takes")
            let (mentor, first, second) = (try await Self.principal(of: group.mentorPerson, store),
                                           try await Self.principal(of: group.members[0].person, store), try await Self.principal(of: group.members[1].person, store))
            let outsider = try await Self.principal(of: try #require(relationships.first { $0.id != group.id }).members[0].person, store)
            let told = try await store.notices(page: .everything).items.filter { $0.recipient == first.person?.email && $0.subject.hasPrefix("Your mentoring group") }
            let secondName = try #require(second.person?.name)
            #expect(told.count == 1 && told[0].body.contains(secondName), "a member hears who else is in the group")

            // The agreement is signed once everyone has signed it.
            let terms = Agreement.Terms(expectations: "e", goals: "g", timeFrame: "t", cadence: "c", confidentiality: "s", ending: "n")
            _ = try await RelationshipWorkspace(store: store, principal: first).editAgreement(group.id, terms: terms, now: Self.now)
            for signer in [mentor, first] { _ = try await RelationshipWorkspace(store: store, principal: signer).signAgreement(group.id, version: 1, now: Self.now) }
            let oversight = RelationshipWorkspace(store: store, principal: manager)
            #expect(try await oversight.oversight(of: group, now: Self.now).agreementSigned == false, "not signed while a member has not")
            let rest = group.members.dropFirst()
            for member in rest {
                _ = try await RelationshipWorkspace(store: store, principal: try await Self.principal(of: member.person, store)).signAgreement(group.id, version: 1, now: Self.now)
            }
            #expect(try await oversight.oversight(of: group, now: Self.now).agreementSigned == true)

            // Notes: a member's private note is theirs; a shared one reaches the mentor and every member; no one else opens the workspace.
            let asFirst = RelationshipWorkspace(store: store, principal: first)
            _ = try await asFirst.addNote(group.id, text: "for me alone", shared: false, now: Self.now)
            _ = try await asFirst.addNote(group.id, text: "for the group", shared: true, now: Self.now)
            for reader in [mentor, second] {
                let notes = try await RelationshipWorkspace(store: store, principal: reader).open(group.id).notes.map(\.text)
                #expect(notes == ["for the group"], "\(reader.displayName) reads the shared note and not the private one")
            }
            for stranger in [outsider, manager, Principal.commandLine] {
                await #expect(throws: AccessDenied.self) { try await RelationshipWorkspace(store: store, principal: stranger).open(group.id) }
            }

            // Shared goals: an action can go to anyone in the group, to no one outside it.
            let asSecond = RelationshipWorkspace(store: store, principal: second)
            let goal = try await asSecond.addGoal(group.id, title: "Run a team retrospective", measure: "Held, actions agreed", competency: nil,
                                                  due: Self.now.addingTimeInterval(60 * 86400), now: Self.now)
            let updated = try await asSecond.updateGoal(group.id, goal: goal.id, progress: 10,
                                                        newAction: (text: "Book the room", owner: first.person?.id, due: Self.now), now: Self.now)
            #expect(updated.actions.map(\.owner) == [try #require(first.person?.id)])
            do {
                _ = try await asSecond.updateGoal(group.id, goal: goal.id, progress: 10, newAction: (text: "x", owner: outsider.person?.id, due: Self.now), now: Self.now)
                Issue.record("gave an action to someone outside the group")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["owner"])
            }
            #expect(try await RelationshipWorkspace(store: store, principal: mentor).open(group.id).goals.map(\.goal.title) == ["Run a team retrospective"])

            // A meeting: everyone else hears of it; the invitation lists everyone.
            let before = try await store.notices(page: .everything).items.count
            let meeting = try await asSecond.scheduleMeeting(group.id, .init(startsAt: Self.now.addingTimeInterval(3 * 86400), minutes: 60, mode: .virtual,
                                                                             place: "https://video.example/group", timeZone: "Europe/London"), now: Self.now)
            let notices = try await store.notices(page: .everything).items
            let arranged = notices.filter { $0.subject.hasPrefix("Mentoring meeting arranged") }
            #expect(notices.count - before == group.members.count && arranged.count == group.members.count)
            let invitation = try await RelationshipWorkspace(store: store, principal: mentor).invitation(group.id, meeting: meeting.id)
            #expect(invitation.components(separatedBy: "ATTENDEE").count - 1 == group.members.count + 1)

            // The first member leaves: the group goes on; they read but change nothing, and can be matched again — not to this mentor.
            let afterLeaving = try await asFirst.end(group.id, reason: "moving to another site", now: Self.now)
            let firstPerson = try #require(first.person?.id)
            #expect(afterLeaving.endedAt == nil && afterLeaving.member(firstPerson)?.leftAt == Self.now)
            await #expect(throws: ValidationError.self) { try await asFirst.addNote(group.id, text: "after leaving", shared: false, now: Self.now) }
            await #expect(throws: ValidationError.self, "one who left can't end the group for the others") {
                try await asFirst.end(group.id, reason: "ending it for all", now: Self.now)
            }
            #expect(try await store.relationship(group.id)?.endedAt == nil)
            #expect(Set(try await asFirst.open(group.id).notes.map(\.text)) == ["for the group", "for me alone"], "the leaver still reads")
            #expect(try await RelationshipWorkspace(store: store, principal: mentor).open(group.id).relationship.currentMembers.count == group.members.count - 1)
            let pairing = ManualPairing(store: store, principal: manager)
            let candidates = try await pairing.candidates(demo.cycle.id)
            #expect(candidates.mentees.first { $0.enrolment.id == group.members[0].enrolment }?.ended == "moving to another site")
            #expect(try await pairing.preview(demo.cycle.id, mentee: group.members[0].enrolment, mentor: group.mentor, now: Self.now).brokenRules == [.rotation])
            // A mentor who has a group and room in it takes the leaver into that group.
            let withGroups = candidates.mentors.filter { candidate in candidate.enrolment.id != group.mentor && relationships.contains { $0.mentor == candidate.enrolment.id } }
            var joined: Relationship?
            for other in withGroups where joined == nil {
                let preview = try await pairing.preview(demo.cycle.id, mentee: group.members[0].enrolment, mentor: other.enrolment.id, now: Self.now)
                if preview.brokenRules.isEmpty { joined = try await pairing.pair(demo.cycle.id, mentee: group.members[0].enrolment, mentor: other.enrolment.id, now: Self.now) }
            }
            let newGroup = try #require(joined, "another mentor with a group and room takes the leaver")
            let existing = try #require(relationships.first { $0.mentor == newGroup.mentor })
            #expect(newGroup.id == existing.id && newGroup.members.count == existing.members.count + 1, "the newcomer joins the mentor's group")
            #expect(newGroup.currentMembers.map(\.enrolment).contains(group.members[0].enrolment))
            await #expect(throws: ValidationError.self, "a member of a group can't be paired again") {
                try await pairing.pair(demo.cycle.id, mentee: group.members[1].enrolment, mentor: newGroup.mentor, now: Self.now)
            }
            // The mentor ends the group: it ends for everyone.
            _ = try await RelationshipWorkspace(store: store, principal: mentor).end(group.id, reason: "the mentor leaves the company", now: Self.now)
            #expect(try await store.relationship(group.id)?.endedAt == Self.now)
        }
    }

    @Test("peer circles: the pool forms circles of three to five, a declared conflict never shares one, and each circle shares one workspace",
          arguments: TestDatabase.allCases)
    func circles(database: TestDatabase) async throws {
        try await database.withStore { store in
            var settings = MatchingSettings.defaults(for: .peer)
            settings.peerCircleSize = 4
            var conflict: PersonPair?
            let (circles, _, demo) = try await Self.published(.peer, matching: settings, store) { demo in
                let people = Dictionary(uniqueKeysWithValues: try await store.allPeople().map { ($0.id, $0) })
                let enrolled = Array(Set(demo.enrolments.filter { $0.cycleID == demo.cycle.id }.map(\.personID))).sorted { $0.description < $1.description }
                let (a, b) = (try #require(people[enrolled[0]]), try #require(people[enrolled[1]]))
                _ = try await ConflictRegister(store: store, principal: .commandLine).declare(between: a.externalID, and: b.externalID, reason: "married", now: Date())
                conflict = PersonPair(a.id, b.id)
            }
            let plan = try await CycleMatching(store: store).plan(demo.cycle.id, now: Self.now)
            let pool = Set(demo.enrolments.filter { $0.cycleID == demo.cycle.id }.map(\.personID))
            let placed = circles.flatMap(\.participants)
            #expect(Set(placed).count == placed.count, "no one in two circles")
            #expect(circles.allSatisfy { (3...5).contains($0.participants.count) }, "\(circles.map(\.participants.count))")
            #expect(Double(placed.count) >= Double(pool.count) * 0.9, "\(placed.count) of \(pool.count) placed")
            #expect(plan.unmatched.count == pool.count - placed.count && plan.unmatched.allSatisfy { $0.reason == .noCircle }, "the others are told why")
            #expect(!plan.certificate.optimal, "circles are not claimed optimal")
            let conflicted = try #require(conflict)
            #expect(!circles.contains { Set($0.participants).isSuperset(of: [conflicted.first, conflicted.second]) }, "a conflicted pair never shares a circle")
            let circle = try #require(circles.first)
            let told = try await store.notices(page: .everything).items.filter { $0.subject.hasPrefix("Your peer circle") }
            #expect(told.count == placed.count)
            // Every member opens the one workspace and sees the others; someone of another circle does not.
            for person in circle.participants {
                let contents = try await RelationshipWorkspace(store: store, principal: try await Self.principal(of: person, store)).open(circle.id)
                #expect(contents.shape == .circle && contents.people.others(than: person).count == circle.participants.count - 1)
            }
            let other = try await Self.principal(of: try #require(circles.last { $0.id != circle.id }).mentorPerson, store)
            await #expect(throws: AccessDenied.self) { try await RelationshipWorkspace(store: store, principal: other).open(circle.id) }
            // Rotation: a later cycle excludes every two people who shared a circle.
            #expect(circle.pairs.count == circle.participants.count * (circle.participants.count - 1) / 2)
        }
    }
}
