import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Uploading CSV files in the browser: the preview, the problems by line and column, the
/// confirmation; the directory as a file; the API's dry run, which answers as the preview does.
@Suite("CSV uploads in the browser and the API's dry run")
struct ImportPagesTests {
    @Test("the admin uploads a people file: its problems by line and column, nothing written; the fixed file previewed, confirmed, recorded")
    func peopleUpload() async throws {
        try await withAppAndStore { client, store in
            let bad = Fixtures.smallOrganisation.replacingOccurrences(of: "wei@example.org", with: "wei at example")
            let refused = try await client.upload("/people/imports", file: Data(bad.utf8), named: "staff.csv", fields: ["csrf": TestAccounts.csrf])
            #expect(refused.status == .seeOther)
            let preview = try #require(refused.headers[.location])
            let (_, problems) = try await client.page(preview)
            #expect(problems.contains("Nothing was written: 1 problem in the file."))
            #expect(problems.contains(#"<td class="num">6</td><td data-label="Column">3 (email)</td>"#), "line 6, column 3: \(problems)")
            #expect(problems.contains("Upload the fixed file") && !problems.contains("Import staff.csv"))
            #expect(try await store.allPeople().isEmpty)

            let fixed = try await client.upload("/people/imports", file: Data(Fixtures.smallOrganisation.utf8), named: "staff.csv", fields: ["csrf": TestAccounts.csrf])
            let path = try #require(fixed.headers[.location])
            let (_, page) = try await client.page(path)
            #expect(page.contains(#"id="import-created">5<"#) && page.contains("Zoë Müller") && page.contains("Import staff.csv"))
            #expect(try await store.allPeople().isEmpty, "the preview writes nothing")
            // Someone else's upload is not found; the confirmation needs the page's token.
            #expect(try await client.form(path + "/confirm", ["csrf": "forged"]).status == .forbidden)
            #expect(try await client.form(path + "/confirm", ["csrf": TestAccounts.csrf]).status == .seeOther)
            #expect(try await store.allPeople().count == 5)
            let (_, done) = try await client.page(path)
            #expect(done.contains(#"id="import-result">Imported by \#(TestAccounts.adminEmail)"#) && done.contains("5 created, 0 updated, 0 unchanged"))
            let twice = try await client.form(path + "/confirm", ["csrf": TestAccounts.csrf])
            #expect(twice.status == .unprocessableContent && String(buffer: twice.body).contains("staff.csv was imported already"))

            // The directory as a file, which the import takes back unchanged.
            let (status, csv) = try await client.page("/people.csv")
            #expect(status == .ok && csv.hasPrefix(Fixtures.peopleHeader) && csv.contains("Zoë Müller"))
            let again = try await client.upload("/people/imports", file: Data(csv.utf8), named: "people.csv", fields: ["csrf": TestAccounts.csrf])
            let (_, unchanged) = try await client.page(try #require(again.headers[.location]))
            #expect(unchanged.contains(#"id="import-unchanged">5<"#) && unchanged.contains("there is nothing to import"))
            // Discarded, an upload is gone and nothing of it was written; an imported one stays as the record.
            let discarded = try await client.upload("/people/imports", file: Data(bad.utf8), named: "second-thoughts.csv", fields: ["csrf": TestAccounts.csrf])
            let discardedPath = try #require(discarded.headers[.location])
            let discard = try await client.form(discardedPath + "/discard", ["csrf": TestAccounts.csrf])
            #expect(discard.status == .seeOther && discard.headers[.location] == "/people")
            let (gone, people) = (try await client.page(discardedPath).0, try await store.allPeople().count)
            #expect(gone == .notFound && people == 5)
            let keep = try await client.form(path + "/discard", ["csrf": TestAccounts.csrf])
            #expect(keep.status == .unprocessableContent && String(buffer: keep.body).contains("staff.csv was imported; it stays as the record"))
            // A file that isn't text is refused at once, with the form to try again.
            let binary = try await client.upload("/people/imports", file: Data([0xFF, 0xFE, 0x00]), named: "people.xlsx", fields: ["csrf": TestAccounts.csrf])
            #expect(binary.status == .unprocessableContent && String(buffer: binary.body).contains("is not UTF-8 text"))
        }
    }

    @Test("a cycle's manager uploads an enrolment file from the cycle page; another programme's manager may not")
    func enrolmentUpload() async throws {
        let demo = DemoOrganisation()
        let newcomer = try #require(AdministrationPagesTests.bystanders(demo).first)
        try await withAppAndStore(demo: true, prepare: AdministrationPagesTests.signInManager) { client, store in
            let cycle = "/cycles/\(demo.cycle.id)"
            let (_, cyclePage) = try await client.page(cycle, as: AdministrationPagesTests.manager)
            #expect(cyclePage.contains(#"action="\#(cycle)/imports" enctype="multipart/form-data""#))
            let file = "person_id,role,development_goals\n\(newcomer.externalID),mentee,communication:1\n"
            let staged = try await client.upload(cycle + "/imports", file: Data(file.utf8), named: "late.csv", fields: ["csrf": "demo-manager-csrf"],
                                                 as: AdministrationPagesTests.manager)
            let path = try #require(staged.headers[.location])
            let (_, preview) = try await client.page(path, as: AdministrationPagesTests.manager)
            #expect(preview.contains(newcomer.name) && preview.contains(#"id="import-created">1<"#))
            // The admin, who did not upload it, does not find it.
            #expect(try await client.page(path).0 == .notFound)
            #expect(try await client.form(path + "/confirm", ["csrf": "demo-manager-csrf"], as: AdministrationPagesTests.manager).status == .seeOther)
            #expect(try await store.enrolments(of: newcomer.id).map(\.role) == [.mentee])
        }
    }

    @Test("the API's dry run answers what the import would do and writes nothing; the people CSV downloads")
    func dryRun() async throws {
        try await withAppAndStore { client, store in
            let items = "[" + ["A-1", "A-2"].map { IntegratorAPITests.person($0, level: 10) }.joined(separator: ",") + "]"
            let (status, summary) = try await client.json(.post, "/api/v1/people/import?dryRun=true", items)
            #expect(status == .ok && value(summary, "created") as? Int == 2)
            #expect(try await store.allPeople().isEmpty)
            #expect(try await client.json(.post, "/api/v1/people/import", items).0 == .ok)
            #expect(try await store.allPeople().count == 2)
            let csv = try await client.execute(uri: "/api/v1/people/export", method: .get, headers: Caller.admin.headers) { String(buffer: $0.body) }
            #expect(csv.hasPrefix(Fixtures.peopleHeader) && csv.contains("A-1"))
        }
    }
}
