import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Uploaded CSV files: a preview writes nothing, a confirmed upload is all or nothing and
/// happens once, an upload is its uploader's alone.
@Suite("Previewed CSV imports")
struct ImportsStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a people file with a problem shows it by line and column and writes nothing; fixed, its preview lists what changes; confirmed once, all of it",
          arguments: TestDatabase.allCases)
    func people(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, _, _) = try await UseCaseAccessStoreTests.demo(store)
            let admin = try await UseCaseAccessStoreTests.demoAdmin(store)
            let imports = Imports(store: store, principal: admin)
            _ = try await PeopleDirectory(store: store, principal: admin).importCSV(Fixtures.smallOrganisation, now: now)
            let before = try await store.allPeople()
            // P-4 is promoted (title, level) and a newcomer joins under P-2; line 4 has a bad email.
            let file = """
                \(Fixtures.peopleHeader)
                P-4,Siobhán O'Brien,siobhan@example.org,Team Lead,7,Engineering,P-2,London,Europe/London,en,,,,
                P-6,Kofi Mensah,kofi@example.org,Engineer,5,Engineering,P-2,Accra,Africa/Accra,en,,,,
                P-7,Lena Berg,not-an-email,Engineer,5,Engineering,P-9,Oslo,Europe/Oslo,nb,,,,
                P-1,Amara Okafor,amara@example.org,Chief Executive,15,Executive,,London,Europe/London,en,,,,

                """
            let refusedID = try await imports.stage(.people, file: Data(file.utf8), named: "people.csv", now: now)
            let refused = try await imports.preview(refusedID, now: now)
            #expect(refused.issues.map(\.description) == [
                "line 4, column 3 (email): 'not-an-email' is not an email address like name@example.org",
                "line 4, column 7 (manager_id): manager 'P-9' does not exist in this file or the directory",
            ])
            #expect(!refused.canConfirm)
            await #expect(throws: CSVImportError.self) { try await imports.confirm(refusedID, now: now) }
            #expect(try await store.allPeople() == before, "nothing was written")

            let fixed = file.replacingOccurrences(of: "P-7,Lena Berg,not-an-email,Engineer,5,Engineering,P-9", with: "P-7,Lena Berg,lena@example.org,Engineer,5,Engineering,P-6")
            let id = try await imports.stage(.people, file: Data(fixed.utf8), named: "people.csv", now: now)
            let preview = try await imports.preview(id, now: now)
            #expect(preview.issues.isEmpty && preview.canConfirm)
            #expect(preview.summary == ImportSummary(created: 2, updated: 1, unchanged: 1))
            #expect(preview.created.map(\.key) == ["P-6", "P-7"] && preview.created.map(\.line) == [3, 4])
            #expect(preview.updated.map(\.detail) == ["title, level"])
            #expect(try await store.allPeople() == before, "a preview writes nothing")

            // Only its uploader sees it; a manager imports no people.
            let otherAdmin = Imports(store: store, principal: .commandLine)
            await #expect(throws: NotFound.self) { try await otherAdmin.preview(id, now: now) }
            await #expect(throws: AccessDenied.self) { try await Imports(store: store, principal: manager).stage(.people, file: Data(fixed.utf8), named: "x.csv", now: now) }

            #expect(try await imports.confirm(id, now: now) == ImportSummary(created: 2, updated: 1, unchanged: 1))
            #expect(try await store.person(externalID: "P-7")?.managerID == (try await store.person(externalID: "P-6"))?.id)
            #expect(try await store.person(externalID: "P-4")?.title == "Team Lead")
            let again = await #expect(throws: ValidationError.self) { try await imports.confirm(id, now: now) }
            #expect(again?.issues.first?.message == "people.csv was imported already")
            let record = try await imports.preview(id, now: now)
            #expect(record.upload.result == ImportSummary(created: 2, updated: 1, unchanged: 1) && record.upload.text.isEmpty && !record.canConfirm)
        }
    }

    @Test("an enrolment file goes into one cycle, previewed and confirmed by its manager; an empty, non-UTF-8 or stale file is refused",
          arguments: TestDatabase.allCases)
    func enrolmentsAndRefusals(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            let imports = Imports(store: store, principal: manager)
            let outsider = try #require(demo.people.first { person in !demo.enrolments.contains { $0.personID == person.id } && person.level < 5 })
            let file = "person_id,role,development_goals\n\(outsider.externalID),mentee,communication:1\n"
            await #expect(throws: AccessDenied.self) {
                try await Imports(store: store, principal: mentor).stage(.enrolments(into: demo.cycle.id), file: Data(file.utf8), named: "e.csv", now: now)
            }
            let id = try await imports.stage(.enrolments(into: demo.cycle.id), file: Data(file.utf8), named: "late joiners.csv", now: now)
            let preview = try await imports.preview(id, now: now)
            #expect(preview.summary == ImportSummary(created: 1, updated: 0, unchanged: 0) && preview.created.first?.detail == "mentee")
            #expect(try await store.enrolments(of: outsider.id).isEmpty)
            #expect(try await imports.confirm(id, now: now).created == 1)
            #expect(try await store.enrolments(of: outsider.id).map(\.role) == [.mentee])

            let empty = await #expect(throws: CSVImportError.self) { try await imports.stage(.enrolments(into: demo.cycle.id), file: Data(" \n".utf8), named: "e.csv", now: now) }
            #expect(empty?.issues.first?.message.hasPrefix("the file is empty") == true)
            let latin1 = await #expect(throws: CSVImportError.self) {
                try await imports.stage(.enrolments(into: demo.cycle.id), file: Data([0x70, 0x0A, 0x4D, 0xFC, 0x6C]), named: "e.csv", now: now)
            }
            #expect(latin1?.issues.first?.description == "line 2, column 2 (text): is not UTF-8 text; save the file as CSV UTF-8 (in a spreadsheet: Save As, CSV UTF-8)")
            let huge = await #expect(throws: CSVImportError.self) {
                try await imports.stage(.enrolments(into: demo.cycle.id), file: Data(count: PendingImport.maximumBytes + 1), named: "e.csv", now: now)
            }
            #expect(huge?.issues.first?.message == "the file is 17 MB; a file of up to 16 MB is taken — split it")
            let stale = try await imports.stage(.enrolments(into: demo.cycle.id), file: Data(file.utf8), named: "old.csv", now: now)
            let dayLater = now.addingTimeInterval(PendingImport.lifetime + 60)
            let expired = await #expect(throws: ValidationError.self) { try await imports.confirm(stale, now: dayLater) }
            #expect(expired?.issues.first?.message.contains("no longer kept; upload it again") == true)
            // The next upload sweeps the stale one away; the confirmed one stays as the record.
            _ = try await imports.stage(.enrolments(into: demo.cycle.id), file: Data(file.utf8), named: "new.csv", now: dayLater)
            await #expect(throws: NotFound.self) { try await imports.preview(stale, now: dayLater) }
            #expect(try await imports.preview(id, now: dayLater).upload.result?.created == 1)
        }
    }
}
