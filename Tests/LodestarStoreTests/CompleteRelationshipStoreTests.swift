import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("A closed cycle's relationships are complete")
struct CompleteRelationshipStoreTests {
    static let now = MeetingsStoreTests.now

    @Test("once its cycle closes, a relationship is read and its story told, but nothing in it changes and it does not end early",
          arguments: TestDatabase.allCases)
    func complete(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (relationship, _, mentee, demo, manager) = try await NudgesStoreTests.activePair(store, since: Self.now.addingTimeInterval(-30 * 86400))
            let asMentee = RelationshipWorkspace(store: store, principal: mentee)
            _ = try await asMentee.logMeeting(relationship.id, heldOn: Self.now.addingTimeInterval(-86400), minutes: 60, mode: .virtual, now: Self.now)
            #expect(try await asMentee.open(relationship.id).completedIn == nil, "open while the cycle runs")
            _ = try await ProgrammeOffice(store: store, principal: manager).move(demo.cycle.id, to: .closed, now: Self.now)

            #expect(try await asMentee.open(relationship.id).completedIn == demo.cycle.name)
            func refused(_ what: String, _ change: () async throws -> Void) async throws {
                do {
                    try await change()
                    Issue.record("\(what) was taken after the cycle closed")
                } catch let error as ValidationError {
                    #expect(error.summary.contains("is complete: \(demo.cycle.name) has closed"), "\(what): \(error.summary)")
                }
            }
            try await refused("a note") { _ = try await asMentee.addNote(relationship.id, text: "after the close", shared: false, now: Self.now) }
            try await refused("a meeting") { _ = try await asMentee.logMeeting(relationship.id, heldOn: Self.now, minutes: 30, mode: .virtual, now: Self.now) }
            try await refused("an early end") { _ = try await RelationshipWorkspace(store: store, principal: manager).end(relationship.id, reason: "too late", now: Self.now) }
            #expect(try await store.relationship(relationship.id)?.endedAt == nil, "complete, not ended early")
            #expect(try await store.meetings(of: relationship.id).count == 1)
            let story = try await SuccessStories(store: store, principal: mentee).write(relationship.id, title: "What changed", text: "We met every fortnight.", now: Self.now)
            #expect(story.version == 1, "the story is still told")
        }
    }
}
