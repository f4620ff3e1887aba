import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("The relationship workspace")
struct WorkspaceStoreTests {
    @Test("only the pair open their workspace; managers and admins see meetings and hours, never a note", arguments: TestDatabase.allCases)
    func privacy(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date()
            let mentorEnrolment = try #require(mentor.enrolments.first).enrolment, menteeEnrolment = try #require(mentee.enrolments.first).enrolment
            let relationship = Relationship(cycleID: demo.cycle.id, mentor: mentorEnrolment.id, mentee: menteeEnrolment.id,
                                            mentorPerson: mentorEnrolment.personID, menteePerson: menteeEnrolment.personID,
                                            score: 70, startedAt: now.addingTimeInterval(-7 * 86400))
            try await store.insert([relationship])
            let asMentee = RelationshipWorkspace(store: store, principal: mentee), asMentor = RelationshipWorkspace(store: store, principal: mentor)
            _ = try await asMentee.addNote(relationship.id, text: "only mine", shared: false, now: now)
            _ = try await asMentee.addNote(relationship.id, text: "for us both", shared: true, now: now)
            _ = try await asMentor.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-86400), minutes: 45, mode: .inPerson, now: now)
            await #expect(throws: ValidationError.self) {
                try await asMentor.logMeeting(relationship.id, heldOn: now, minutes: 0, mode: .virtual, now: now)
            }
            #expect(try await asMentor.open(relationship.id).notes.map(\.text) == ["for us both"])
            #expect(Set(try await asMentee.open(relationship.id).notes.map(\.text)) == ["only mine", "for us both"])
            for outsider in [manager, Principal.commandLine] {
                await #expect(throws: AccessDenied.self) { try await RelationshipWorkspace(store: store, principal: outsider).open(relationship.id) }
                await #expect(throws: AccessDenied.self) {
                    try await RelationshipWorkspace(store: store, principal: outsider).addNote(relationship.id, text: "x", shared: true, now: now)
                }
            }
            let oversight = try await RelationshipWorkspace(store: store, principal: manager).oversight(of: relationship)
            #expect(oversight.meetings == 1 && oversight.minutes == 45 && !oversight.agreementSigned)
            let other = Account(email: "elsewhere@example.org", personID: nil, passwordHash: nil, isAdmin: false, createdAt: now)
            try await store.save(other)
            let stranger = try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: other)
            await #expect(throws: AccessDenied.self) { try await RelationshipWorkspace(store: store, principal: stranger).oversight(of: relationship) }
        }
    }
}
