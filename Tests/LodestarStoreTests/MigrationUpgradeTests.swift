import Foundation
import LodestarCore
@testable import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Upgrading a database with data in it")
struct MigrationUpgradeTests {
    @Test("a database from before arranged meetings keeps its relationships and what hangs off them; then one open relationship per mentee holds",
          arguments: TestDatabase.allCases)
    func openRelationshipPerMentee(database: TestDatabase) async throws {
        guard let location = try await database.freshLocation() else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(UUID()).sqlite").path
        let place: DatabaseLocation = if case .sqliteMemory = location { .sqliteFile(path: file) } else { location }
        defer { try? FileManager.default.removeItem(atPath: file) }
        // The schema as it was before M015, with a relationship, its agreement and a note.
        let before = try StoreConnection(location: place)
        try await before.migrate(first: 14)
        let (_, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(before.store)
        let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: Date(), before.store)
        let terms = Agreement.Terms(expectations: "e", goals: "g", timeFrame: "t", cadence: "c", confidentiality: "s", ending: "n")
        try await before.store.save(Agreement(relationshipID: relationship.id, version: 1, terms: terms, editedBy: try #require(mentee.person?.id), editedAt: Date()))
        _ = try await RelationshipWorkspace(store: before.store, principal: mentee).addNote(relationship.id, text: "kept across the upgrade", shared: false, now: Date())
        await before.shutdown()
        // Upgraded: everything is still there.
        let after = try StoreConnection(location: place)
        do {
            try await after.migrate()
            let store = after.store
            let kept = try await store.relationship(relationship.id)
            #expect(kept?.mentee == relationship.mentee && kept?.mentorPerson == relationship.mentorPerson && kept?.score == 70 && kept?.endedAt == nil)
            #expect(try await store.agreements(of: relationship.id).count == 1)
            #expect(try await store.notes(of: relationship.id).map(\.text) == ["kept across the upgrade"])
            // A second open relationship for the mentee is refused by the database; once the first ends, it is not.
            let again = Relationship(cycleID: relationship.cycleID, mentor: relationship.mentor, mentee: relationship.mentee,
                                     mentorPerson: relationship.mentorPerson, menteePerson: relationship.menteePerson, score: 50, startedAt: Date())
            await #expect(throws: (any Error).self) { try await store.insert([again]) }
            try await store.end(relationship.id, at: Date(), reason: "ended before the second")
            try await store.insert([again])
            #expect(try await store.relationships(in: relationship.cycleID).count == 2)
        } catch {
            await after.shutdown()
            throw error
        }
        await after.shutdown()
    }
}
