import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Kudos and success stories")
struct KudosAndStoriesStoreTests {
    @Test("kudos go between participants of one programme, reach the recipient without the words in the mail, and show on the programme's page only when the recipient allows",
          arguments: TestDatabase.allCases)
    func kudos(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now, store)
            let fromMentee = KudosBoard(store: store, principal: mentee)
            let mentorID = relationship.mentorPerson, menteeID = relationship.menteePerson
            for (to, message, field) in [(menteeID, "Thanks", "to"), (mentorID, "  ", "message"), (mentorID, String(repeating: "x", count: 281), "message"),
                                         (try #require(demo.people.first { person in !demo.enrolments.contains { $0.personID == person.id } }).id, "Thanks", "to")] {
                do {
                    _ = try await fromMentee.send(to: to, in: demo.programme.id, message: message, now: now)
                    Issue.record("sent kudos with a bad \(field)")
                } catch let error as ValidationError {
                    #expect(error.issues.map(\.field) == [field])
                }
            }
            let sent = try await fromMentee.send(to: mentorID, within: relationship.id, message: "Thank you for the honest feedback before my board review.", now: now)
            #expect(sent.fromName == mentee.person?.name && sent.programme == demo.programme.name && !sent.kudos.shown)
            let told = try await store.notices(page: .everything).items.filter { $0.subject.hasSuffix("sent you kudos") }
            #expect(told.count == 1 && told[0].recipient == mentor.person?.email && !told[0].body.contains("honest feedback"), "the words stay on the home page")
            #expect(told[0].programme == nil, "not among the programme's messages its managers read")
            #expect(try await KudosBoard(store: store, principal: mentor).received().map(\.kudos.message) == [sent.kudos.message])
            #expect(try await KudosBoard(store: store, principal: manager).shown(in: demo.programme.id).isEmpty, "not shown until the recipient allows")
            await #expect(throws: NotFound.self, "only the recipient shows it") { try await fromMentee.show(sent.kudos.id, true) }
            #expect(try await KudosBoard(store: store, principal: mentor).show(sent.kudos.id, true).kudos.shown)
            #expect(try await KudosBoard(store: store, principal: mentee).shown(in: demo.programme.id).map(\.kudos.id) == [sent.kudos.id])
            let outsider = try await UseCaseAccessStoreTests.demoAdmin(store)
            await #expect(throws: AccessDenied.self, "an admin is no participant to send kudos") {
                try await KudosBoard(store: store, principal: outsider).send(to: mentorID, in: demo.programme.id, message: "Hi", now: now)
            }
            for minute in 1..<Kudos.perDay { _ = try await fromMentee.send(to: mentorID, in: demo.programme.id, message: "Thanks again \(minute)", now: now.addingTimeInterval(Double(minute) * 60)) }
            do {
                _ = try await fromMentee.send(to: mentorID, in: demo.programme.id, message: "One more", now: now.addingTimeInterval(3600))
                Issue.record("sent more than \(Kudos.perDay) kudos in a day")
            } catch let error as ValidationError {
                #expect(error.summary.contains("in the last day"))
            }
            _ = try await fromMentee.send(to: mentorID, in: demo.programme.id, message: "A day later", now: now.addingTimeInterval(86_400 + 60))
        }
    }

    @Test("whom to thank: a programme's participants found by part of a name, ignoring case, oneself and outsiders left out, a % or _ taken literally",
          arguments: TestDatabase.allCases)
    func recipients(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let board = KudosBoard(store: store, principal: mentee)
            let enrolled = Set(demo.enrolments.map(\.personID))
            let (everyone, more) = try await board.recipients(in: demo.programme.id, named: "")
            #expect(more == (enrolled.count - 1 > KudosBoard.recipientsAtMost), "more are said to be found exactly when there are")
            #expect(everyone.count == min(KudosBoard.recipientsAtMost, enrolled.count - 1) && everyone.map(\.name) == everyone.map(\.name).sorted())
            #expect(!everyone.contains { $0.id == mentee.person?.id } && everyone.allSatisfy { enrolled.contains($0.id) })
            let name = try #require(mentor.person?.name)
            let part = String(name.dropFirst(2).prefix(5)).uppercased()
            let found = try await board.recipients(in: demo.programme.id, named: part).people
            #expect(found.contains { $0.id == mentor.person?.id } && found.allSatisfy { $0.name.lowercased().contains(part.lowercased()) })
            let outsider = try #require(demo.people.first { !enrolled.contains($0.id) })
            let byOutsidersName = try await board.recipients(in: demo.programme.id, named: outsider.name).people
            #expect(byOutsidersName.allSatisfy { $0.id != outsider.id })
            let percent = try await board.recipients(in: demo.programme.id, named: "%"), underscore = try await board.recipients(in: demo.programme.id, named: "_")
            #expect(percent.people.isEmpty && underscore.people.isEmpty && !percent.more)
            await #expect(throws: AccessDenied.self, "a manager takes no part in it") { try await KudosBoard(store: store, principal: manager).recipients(in: demo.programme.id, named: "") }
        }
    }

    @Test("a story is seen by no one but its tellers until all approve the same text; a manager features it; a rewrite asks again and takes it off",
          arguments: TestDatabase.allCases)
    func stories(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now, store)
            let asMentee = SuccessStories(store: store, principal: mentee), asMentor = SuccessStories(store: store, principal: mentor)
            let asManager = SuccessStories(store: store, principal: manager)
            do {
                _ = try await asMentee.write(relationship.id, title: " ", text: "", now: now)
                Issue.record("wrote an empty story")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["title", "text"])
            }
            let first = try await asMentee.write(relationship.id, title: "From specialist to lead", text: "We met every fortnight.", expecting: 0, now: now)
            #expect(first.version == 1 && first.approvals.keys.sorted { $0.description < $1.description } == [relationship.menteePerson])
            #expect(try await store.notices(page: .everything).items.contains { $0.subject.hasPrefix("Your success story") && $0.recipient == mentor.person?.email })
            #expect(try await asManager.stories(in: demo.programme.id).ready?.isEmpty == true, "a manager reads no story its tellers have not all approved")
            await #expect(throws: NotFound.self) { try await asManager.feature(first.id, true, now: now) }
            await #expect(throws: AccessDenied.self) { try await asManager.story(of: relationship.id) }
            do {
                _ = try await asMentor.approve(relationship.id, version: 2, now: now)
                Issue.record("approved a version not read")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["version"])
            }
            #expect(try await asMentor.approve(relationship.id, version: 1, now: now).isApproved(in: relationship))
            #expect(try await asManager.stories(in: demo.programme.id).ready?.map(\.story.id) == [first.id])
            let beforeFeature = try await asMentee.stories(in: demo.programme.id)
            #expect(beforeFeature.featured.isEmpty && beforeFeature.ready == nil, "a participant reads featured stories only")
            await #expect(throws: AccessDenied.self, "a participant does not feature") { try await asMentee.feature(first.id, true, now: now) }
            _ = try await asManager.feature(first.id, true, now: now)
            let featured = try await asMentee.stories(in: demo.programme.id).featured
            #expect(featured.map(\.story.title) == ["From specialist to lead"] && featured[0].tellers.contains(mentee.person?.name ?? "?"))

            await #expect(throws: ChangedSinceRead.self) { try await asMentor.write(relationship.id, title: "x", text: "y", expecting: 0, now: now) }
            let rewritten = try await asMentor.write(relationship.id, title: "From specialist to team lead", text: "We met every fortnight for six months.",
                                                     expecting: 1, now: now.addingTimeInterval(60))
            #expect(rewritten.version == 2 && rewritten.id == first.id && rewritten.featuredAt == nil && !rewritten.isApproved(in: relationship))
            #expect(try await asMentee.stories(in: demo.programme.id).featured.isEmpty, "a new text leaves the page until all approve it and it is featured again")
            #expect(try await asManager.stories(in: demo.programme.id).ready?.isEmpty == true)
        }
    }
}

@Suite("Stories and goals: what is not there")
struct MissingRecordStoreTests {
    @Test("approving a story no one wrote says to write it first; a goal that does not exist has no history", arguments: TestDatabase.allCases)
    func missing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: Date(), store)
            do {
                _ = try await SuccessStories(store: store, principal: mentor).approve(relationship.id, version: 1, now: Date())
                Issue.record("approved a story that was never written")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["story"])
            }
            await #expect(throws: NotFound.self) { try await RelationshipWorkspace(store: store, principal: mentee).goalHistory(relationship.id, goal: Goal.ID()) }
            await #expect(throws: NotFound.self) { try await KudosBoard(store: store, principal: mentee).show(Kudos.ID(), true) }
        }
    }
}
