import Foundation
import LodestarCore
@testable import LodestarStore
import LodestarTestSupport
import SQLKit
import Testing

@Suite("Upgrading a database with data in it")
struct MigrationUpgradeTests {
    @Test("a database from before arranged meetings and groups keeps its relationships, signatures and notes; then one open relationship per mentee holds",
          arguments: TestDatabase.allCases)
    func openRelationshipPerMentee(database: TestDatabase) async throws {
        guard let location = try await database.freshLocation() else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(UUID()).sqlite").path
        let place: DatabaseLocation = if case .sqliteMemory = location { .sqliteFile(path: file) } else { location }
        defer { try? FileManager.default.removeItem(atPath: file) }
        // The schema as it was before M015, with a relationship, its agreement signed by both, and a
        // note — written as rows of that schema, since today's store writes today's.
        let before = try StoreConnection(location: place)
        let relationship: Relationship
        let signed = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            try await before.migrate(first: 14)
            // The demo's people, programme, cycle and enrolments only, the programme and cycle as rows
            // of that schema (today's store writes columns added since).
            let demo = DemoOrganisation()
            let sql = try #require(before.store.db as? any SQLDatabase)
            try await before.store.apply(PeopleImportPlan(inserting: demo.people))
            let programme = demo.programme
            try await sql.raw("""
                INSERT INTO programmes (id, name, objectives, focus_competencies, format, duration_weeks, cadence)
                VALUES (\(bind: programme.id.uuid), \(bind: programme.name), \(bind: programme.objectives), \(bind: programme.focusCompetencies),
                        \(bind: programme.format.rawValue), \(bind: programme.durationWeeks), \(bind: programme.cadence.rawValue))
                """).run()
            try await sql.raw("""
                INSERT INTO cycles (id, programme_id, number, name, state)
                VALUES (\(bind: demo.cycle.id.uuid), \(bind: programme.id.uuid), 1, \(bind: demo.cycle.name), \(bind: demo.cycle.state.rawValue))
                """).run()
            try await before.store.save(all: demo.enrolments)
            let mentorEnrolment = try #require(demo.enrolments.first { $0.role == .mentor })
            let menteeEnrolment = try #require(demo.enrolments.first { $0.role == .mentee })
            relationship = Relationship(cycleID: demo.cycle.id, mentor: mentorEnrolment.id, mentee: menteeEnrolment.id,
                                        mentorPerson: mentorEnrolment.personID, menteePerson: menteeEnrolment.personID, score: 70, startedAt: Date())
            try await sql.raw("""
                INSERT INTO relationships (id, cycle_id, mentor_enrolment, mentee_enrolment, mentor_person, mentee_person, score, started_at)
                VALUES (\(bind: relationship.id.uuid), \(bind: relationship.cycleID.uuid), \(bind: mentorEnrolment.id.uuid), \(bind: menteeEnrolment.id.uuid),
                        \(bind: mentorEnrolment.personID.uuid), \(bind: menteeEnrolment.personID.uuid), 70, \(bind: relationship.startedAt))
                """).run()
            try await sql.raw("""
                INSERT INTO agreements (id, relationship_id, version, expectations, goals, time_frame, cadence, confidentiality, ending, edited_by, edited_at,
                                        mentor_signed_at, mentee_signed_at)
                VALUES (\(bind: UUID()), \(bind: relationship.id.uuid), 1, 'e', 'g', 't', 'c', 's', 'n', \(bind: menteeEnrolment.personID.uuid), \(bind: signed),
                        \(bind: signed), \(bind: signed.addingTimeInterval(60)))
                """).run()
            try await before.store.save(Note(relationshipID: relationship.id, author: menteeEnrolment.personID, shared: false, text: "kept across the upgrade", writtenAt: Date()))
        } catch {
            await before.shutdown()
            throw error
        }
        await before.shutdown()
        // Upgraded: everything is still there, the mentee now the relationship's one member.
        let after = try StoreConnection(location: place)
        do {
            try await after.migrate()
            let store = after.store
            let kept = try #require(try await store.relationship(relationship.id))
            #expect(kept.members == relationship.members && kept.mentorPerson == relationship.mentorPerson && kept.score == 70 && kept.endedAt == nil)
            let agreement = try #require(try await store.agreements(of: relationship.id).first)
            #expect(agreement.signatures == [relationship.mentorPerson: signed, relationship.menteePerson: signed.addingTimeInterval(60)])
            #expect(agreement.isSigned(in: kept))
            #expect(try await store.notes(of: relationship.id).map(\.text) == ["kept across the upgrade"])
            #expect(try await store.relationships(of: relationship.menteePerson).map(\.id) == [relationship.id])
            // A second open relationship for the mentee is refused by the database; once the first ends, it is not.
            let again = Relationship(cycleID: relationship.cycleID, mentor: relationship.mentor, mentee: relationship.mentee,
                                     mentorPerson: relationship.mentorPerson, menteePerson: relationship.menteePerson, score: 50, startedAt: Date())
            await #expect(throws: (any Error).self) { try await store.inTransaction { try await $0.insert([again]) } }
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
