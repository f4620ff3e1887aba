import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The `lodestar` command as a user runs it: files in, messages and exit codes out.
@Suite("lodestar command")
final class CommandLineTests {
    let directory: URL
    let database: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = "sqlite://" + directory.appendingPathComponent("test.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func file(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func lodestar(_ arguments: String...) throws -> LodestarBinary.Run { try lodestar(arguments) }

    func lodestar(_ arguments: [String]) throws -> LodestarBinary.Run {
        #expect(FileManager.default.isExecutableFile(atPath: LodestarBinary.path), "build the lodestar executable first")
        return try LodestarBinary.run(arguments + ["--database-url", database])
    }

    @Test("a people file with five mistakes prints five line-numbered messages, exits non-zero and changes nothing")
    func fiveMistakes() throws {
        let good = try file("people.csv", Fixtures.smallOrganisation)
        let imported = try lodestar("import", "people", "--create", good)
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("5 created, 0 updated, 0 unchanged"))
        let before = try lodestar("export", "people").output

        let bad = try file("bad.csv", """
            \(Fixtures.peopleHeader)
            P-7,Ines Costa,ines@example.org,Analyst,five,Sales,P-3,Lisbon,Europe/Lisbon,pt,,,,
            P-8,Ola Nowak,ola-at-example.org,Analyst,4,Sales,P-3,Warsaw,Europe/Warsaw,pl,,,,
            P-9,Tom Berg,tom@example.org,Analyst,4,Sales,P-3,Oslo,Europe/Olso,no,,,,
            P-10,,ana@example.org,Analyst,4,Sales,P-3,Lisbon,Europe/Lisbon,pt,,,,
            P-11,Rui Costa,rui@example.org,Analyst,4,Sales,P-3,Lisbon,Europe/Lisbon,portuguese,,,,
            """)
        let refused = try lodestar("import", "people", bad)
        #expect(refused.status != 0)
        let messages = refused.errors.split(separator: "\n").filter { $0.hasPrefix("  line ") }
        #expect(messages.count == 5)
        #expect(messages.map { $0.split(separator: ",")[0] } == ["  line 2", "  line 3", "  line 4", "  line 5", "  line 6"])
        #expect(refused.errors.contains("5 problems found; nothing was imported"))
        #expect(try lodestar("export", "people").output == before)
    }

    @Test("tokens: an admin's token is printed once, listed without its secret, refused for a non-admin, and revoked")
    func tokens() async throws {
        #expect(try lodestar("migrate").status == 0)
        let location = try DatabaseLocation(url: database)
        let connection = try StoreConnection(location: location)
        try await TestAccounts.seedAdmin(in: connection.store)
        await connection.shutdown()
        let created = try lodestar("tokens", "create", "--admin", TestAccounts.adminEmail, "--name", "HRIS sync", "--scope", "write")
        #expect(created.status == 0, "\(created.errors)")
        let token = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("lsk_") && token.count > 30)
        let listed = try lodestar("tokens", "list", "--admin", TestAccounts.adminEmail)
        let line = try #require(listed.output.split(separator: "\n").first { $0.hasSuffix("\tHRIS sync") })
        #expect(line.contains("\twrite\t") && line.contains("\tactive\t") && !listed.output.contains(token))
        let stranger = try lodestar("tokens", "create", "--admin", "nobody@example.org", "--name", "x")
        #expect(stranger.status != 0 && stranger.errors.contains("is not an organisation admin's account"))
        let unnamed = try lodestar("tokens", "create", "--admin", TestAccounts.adminEmail, "--name", " ")
        #expect(unnamed.status != 0 && unnamed.errors.contains("give the token a name"))
        let id = String(line.split(separator: "\t")[0])
        #expect(try lodestar("tokens", "revoke", "--admin", TestAccounts.adminEmail, "--id", id).status == 0)
        let revoked = try lodestar("tokens", "list", "--admin", TestAccounts.adminEmail).output
        #expect(revoked.contains("HRIS sync") && !revoked.contains("\tactive\tHRIS sync"))
    }

    @Test("webhooks: an endpoint is registered with its secret printed once, listed, its deliveries read, and removed; a bad event is named")
    func webhooks() async throws {
        #expect(try lodestar("migrate").status == 0)
        let connection = try StoreConnection(location: try DatabaseLocation(url: database))
        try await TestAccounts.seedAdmin(in: connection.store)
        await connection.shutdown()
        let refused = try lodestar("webhooks", "add", "--admin", TestAccounts.adminEmail, "--url", "https://hr.example.org/events", "--event", "people.deleted")
        #expect(refused.status != 0 && refused.errors.contains("'people.deleted' is not an event"))
        let added = try lodestar("webhooks", "add", "--admin", TestAccounts.adminEmail, "--url", "https://hr.example.org/events",
                                 "--event", "people.imported", "--event", "relationship.ended", "--description", "HR system")
        #expect(added.status == 0, "\(added.errors)")
        let fields = added.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t").map(String.init)
        let (id, secret) = (fields[0], fields.count > 1 ? fields[1] : "")
        #expect(secret.hasPrefix("whsec_"))
        let listed = try lodestar("webhooks", "list", "--admin", TestAccounts.adminEmail).output
        #expect(listed.contains("\(id)\tactive\tpeople.imported,relationship.ended\thttps://hr.example.org/events") && !listed.contains(secret))
        let people = try lodestar("import", "people", "--create", try file("people.csv", Fixtures.smallOrganisation))
        #expect(people.status == 0, "\(people.errors)")
        let log = try lodestar("webhooks", "deliveries", "--admin", TestAccounts.adminEmail, "--id", id).output
        #expect(log.contains("\tpeople.imported\twaiting\t0\t-"))
        #expect(try lodestar("webhooks", "remove", "--admin", TestAccounts.adminEmail, "--id", id).status == 0)
        #expect(try lodestar("webhooks", "list", "--admin", TestAccounts.adminEmail).output.isEmpty)
    }

    @Test("programmes: created from a JSON file by the API's rules (an unknown field or value named, exit non-zero, nothing stored), listed, its next cycle opened")
    func programmes() throws {
        let unknown = try lodestar("programmes", "create", "--file", try file("bad.json", #"{"name":"X","format":"one-to-one","durationWeeks":26,"cadence":"monthly","colour":"red"}"#))
        #expect(unknown.status != 0 && unknown.errors.contains("colour: is not a field of this body"))
        let wrong = try lodestar("programmes", "create", "--file", try file("wrong.json", #"{"name":"X","format":"solo","durationWeeks":26,"cadence":"monthly"}"#))
        #expect(wrong.status != 0 && wrong.errors.contains("format: 'solo' is not one of one-to-one"))
        let silly = try lodestar("programmes", "create", "--file", try file("silly.json", #"{"name":"X","format":"group","durationWeeks":0,"cadence":"monthly"}"#))
        #expect(silly.status != 0 && silly.errors.contains("a programme runs 1 to 104 weeks"))
        let priority = #"{"name":"X","format":"one-to-one","durationWeeks":26,"cadence":"monthly","matching":{"weights":{"goal-skill-fit":5},"minimumLevelGap":1,"maximumLevelGap":6,"minimumWeeklyOverlap":60,"rotation":true,"menteePriority":{"dimension":"gender","groups":["woman"],"points":99}}}"#
        let tooMany = try lodestar("programmes", "create", "--file", try file("priority.json", priority))
        #expect(tooMany.status != 0 && tooMany.errors.contains("matching.menteePriority.points: 99 is not from 1 to 30 points"), "\(tooMany.errors)")
        #expect(try lodestar("programmes", "list").output.isEmpty, "nothing was stored")
        let created = try lodestar("programmes", "create", "--file",
                                   try file("good.json", #"{"name":"Rising Leaders","format":"one-to-one","durationWeeks":26,"cadence":"monthly","focusCompetencies":["delegation"]}"#))
        #expect(created.status == 0, "\(created.errors)")
        let id = try #require(created.output.split(separator: "\t").first.map(String.init))
        #expect(try lodestar("programmes", "list").output == "\(id)\tRising Leaders\tone-to-one\n")
        let cycle = try lodestar("programmes", "open-cycle", "--programme", id, "--name", "Spring 2027")
        #expect(cycle.status == 0 && cycle.output.hasSuffix("\tSpring 2027\n"))
        #expect(try lodestar("programmes", "open-cycle", "--programme", id).output.hasSuffix("\tCycle 2\n"))
    }

    @Test("enrol: one person by HR id with options named like the CSV's columns; a wrong value is named by its option; --dry-run writes nothing")
    func enrol() throws {
        let people = try lodestar("import", "people", "--create", try file("people.csv", Fixtures.smallOrganisation))
        #expect(people.status == 0, "\(people.errors)")
        let created = try lodestar("programmes", "create", "--file",
                                   try file("p.json", #"{"name":"Rising Leaders","format":"one-to-one","durationWeeks":26,"cadence":"monthly","focusCompetencies":["delegation"]}"#))
        let programme = try #require(created.output.split(separator: "\t").first.map(String.init))
        let cycle = try #require(try lodestar("programmes", "open-cycle", "--programme", programme).output.split(separator: "\t").first.map(String.init))
        let wrong = try lodestar("enrol", "--cycle", cycle, "--person", "P-2", "--role", "mentor", "--skills", "juggling:3", "--capacity", "2")
        #expect(wrong.status != 0 && wrong.errors.contains("--skills: unknown competency 'juggling'"))
        let stranger = try lodestar("enrol", "--cycle", cycle, "--person", "P-99", "--role", "mentee")
        #expect(stranger.status != 0 && stranger.errors.contains("--person: 'P-99' is not in the people directory"))
        let options = ["enrol", "--cycle", cycle, "--person", "P-2", "--role", "mentor", "--skills", "delegation:4; communication:3", "--capacity", "2"]
        #expect(try lodestar(options + ["--dry-run"]).output == "P-2 as mentor: would be enrolled.\n")
        #expect(try lodestar(options).output == "P-2 as mentor: enrolled.\n")
        #expect(try lodestar(options).output == "P-2 as mentor: already enrolled with this profile; nothing changed.\n")
        #expect(try lodestar(Array(options.dropLast()) + ["3"]).output == "P-2 as mentor: profile updated.\n")
    }

    @Test("serve refuses a log format it doesn't know, naming the two it does, before opening anything")
    func unknownLogFormat() throws {
        let refused = try lodestar("serve", "--log-format", "xml", "--port", "1")
        #expect(refused.status != 0 && refused.errors.contains("--log-format 'xml' is not text or json"))
    }

    @Test("export writes a file that imports back with nothing to change")
    func exportImport() throws {
        _ = try lodestar("import", "people", "--create", try file("people.csv", Fixtures.smallOrganisation))
        let exported = directory.appendingPathComponent("export.csv").path
        #expect(try lodestar("export", "people", "--output", exported).status == 0)
        let again = try lodestar("import", "people", exported)
        #expect(again.status == 0)
        #expect(again.output.contains("0 created, 0 updated, 5 unchanged"))
    }

    @Test("seeds the demo into an empty database only, then enrols from a file into its cycle")
    func demoAndEnrolments() throws {
        let seeded = try lodestar("demo")
        #expect(seeded.status == 0, "\(seeded.errors)")
        let cycleID = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Cycle id: ") }?.dropFirst(10))
        let again = try lodestar("demo")
        #expect(again.status != 0)
        #expect(again.errors.contains("already holds data"))

        let enrolments = try file("enrolments.csv", "person_id,role,skills,capacity\nE0001,mentor,strategic-thinking:5,2\n")
        let enrolled = try lodestar("import", "enrolments", "--cycle", String(cycleID), enrolments)
        #expect(enrolled.status == 0, "\(enrolled.errors)")
        #expect(enrolled.output.contains("1 created"))
        let badCycle = try lodestar("import", "enrolments", "--cycle", "nope", enrolments)
        #expect(badCycle.status != 0 && badCycle.errors.contains("is not a cycle id"))
    }

    @Test("match proposes a proven-optimal plan for the demo cycle and stores nothing")
    func match() throws {
        let seeded = try lodestar("demo")
        let cycleID = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Cycle id: ") }?.dropFirst(10))
        let run = try lodestar("match", "--cycle", String(cycleID))
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("proven optimal (dual certificate checked, gap 0)"))
        #expect(run.output.contains("nothing was stored"))
        let whatIf = try lodestar("match", "--cycle", String(cycleID), "--what-if")
        #expect(whatIf.status == 0 && whatIf.output.contains("What each rule costs (the plan made again without it):")
                && whatIf.output.contains("  seniority (excludes "), "\(whatIf.errors)")
        let json = try lodestar("match", "--cycle", String(cycleID), "--json")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((plan["proposals"] as? [Any])?.isEmpty == false)
        #expect(try lodestar("match", "--cycle", "6f1c4d0e-0000-4000-8000-000000000000").errors.contains("no cycle with id"))
        // Lock the first proposal's mentee to another mentor's enrolment: kept, the rest re-optimised.
        let proposals = try #require(plan["proposals"] as? [[String: Any]])
        let first = try #require(proposals.first), second = try #require(proposals.last)
        let mentee = try #require(first["mentee"] as? String), otherMentor = try #require(second["mentor"] as? String)
        let locked = try lodestar("match", "--cycle", String(cycleID), "--lock", "\(mentee):\(otherMentor)")
        #expect(locked.status == 0 || locked.errors.contains("can't be paired"), "\(locked.errors)")
        if locked.status == 0 { #expect(locked.output.contains("[locked]")) }
        #expect(try lodestar("match", "--cycle", String(cycleID), "--lock", "nonsense").errors.contains("must be MENTEE_ENROLMENT_ID:MENTOR_ENROLMENT_ID"))
    }

    @Test("report prints a cycle's indicators as CSV and JSON and a programme's cycles side by side; it asks for exactly one of --cycle and --programme")
    func report() async throws {
        let seeded = try lodestar("demo")
        let cycleID = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Cycle id: ") }?.dropFirst(10))
        let csv = try lodestar("report", "--cycle", String(cycleID))
        #expect(csv.status == 0, "\(csv.errors)")
        #expect(csv.output.hasPrefix("indicator,key,value,unit\r\n") && csv.output.contains("Mentees enrolled,mentees-enrolled,83,count"))
        let json = try lodestar("report", "--cycle", String(cycleID), "--format", "json")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(body["cycleId"] as? String == String(cycleID) && (body["indicators"] as? [Any])?.isEmpty == false)
        let connection = try StoreConnection(location: .sqliteFile(path: String(database.dropFirst("sqlite://".count))))
        let programme: Programme.ID
        do {
            programme = try #require(try await connection.store.programmes(ids: nil).first).id
            await connection.shutdown()
        } catch {
            await connection.shutdown()
            throw error
        }
        let side = try lodestar("report", "--programme", programme.description)
        #expect(side.status == 0 && side.output.hasPrefix("indicator,key,unit,2026 pilot,2027 cohort\r\n"), "\(side.errors)")
        #expect(side.output.contains("Relationships,relationships,count,12,0"))
        let html = try lodestar("report", "--cycle", String(cycleID), "--format", "html")
        #expect(html.status == 0 && html.output.hasPrefix("<!doctype html>") && html.output.contains("<style>") && !html.output.contains("/assets/style.css"),
                "the report stands alone, its stylesheet written in: \(html.errors)")
        #expect(html.output.contains("<h1>What 2027 cohort achieved</h1>") && html.output.contains("<td>Mentees enrolled</td><td class=\"num\">83</td>"))
        let programmeHTML = try lodestar("report", "--programme", programme.description, "--format", "html")
        #expect(programmeHTML.status == 0 && programmeHTML.output.contains("<th class=\"num\">2026 pilot</th>"), "\(programmeHTML.errors)")
        #expect(try lodestar("report", "--cycle", String(cycleID), "--fairness", "--format", "html").errors.contains("--format html writes the one-page report"))
        let organisation = try lodestar("report", "--organisation")
        #expect(organisation.status == 0 && organisation.output.hasPrefix("indicator,key,unit,Rising Leaders,all programmes\r\n"), "\(organisation.errors)")
        #expect(organisation.output.contains("Relationships,relationships,count,12,12\r\n"))
        let audit = try lodestar("report", "--cycle", String(cycleID), "--fairness")
        #expect(audit.status == 0 && audit.output.hasPrefix("dimension,group,hidden,applicants,mentors,mentees,matched,") && audit.output.contains("\r\nGender,"))
        #expect(try lodestar("report", "--programme", programme.description, "--fairness").errors.contains("--fairness audits one cycle: give --cycle"))
        #expect(try lodestar("report").errors.contains("give either --cycle, --programme or --organisation"))
        #expect(try lodestar("report", "--cycle", String(cycleID), "--programme", programme.description).errors.contains("give either --cycle, --programme or --organisation"))
        #expect(try lodestar("report", "--cycle", "nonsense").errors.contains("is not a cycle id"))
        #expect(try lodestar("report", "--cycle", "6f1c4d0e-0000-4000-8000-000000000000").errors.contains("no cycle with id"))
        #expect(try lodestar("report", "--cycle", String(cycleID), "--format", "xml").status != 0)
    }

    @Test("import outcomes refuses a bad file whole with its lines and columns, takes a good one; report --lift prints the programme's lift as CSV and JSON")
    func outcomes() async throws {
        let seeded = try lodestar("demo")
        #expect(seeded.status == 0, "\(seeded.errors)")
        let connection = try StoreConnection(location: .sqliteFile(path: String(database.dropFirst("sqlite://".count))))
        let programme: Programme.ID, person: String
        do {
            programme = try #require(try await connection.store.programmes(ids: nil).first).id
            person = try #require(try await connection.store.allPeople().first).externalID
            await connection.shutdown()
        } catch {
            await connection.shutdown()
            throw error
        }
        let bad = try lodestar("import", "outcomes", try file("bad.csv", "person_id,rating\n\(person),0\nP-NOBODY,3\n"))
        #expect(bad.status != 0 && bad.errors.contains("line 2, column 2 (rating): '0' is not a rating"), "\(bad.errors)")
        let good = try lodestar("import", "outcomes", try file("good.csv", "person_id,hired_on,promoted_on\n\(person),2020-01-06,2026-01-05\n"))
        #expect(good.status == 0 && good.output.contains("good.csv: 0 people added, 1 replaced"), "\(good.errors)")
        let csv = try lodestar("report", "--programme", programme.description, "--lift")
        #expect(csv.status == 0 && csv.output.hasPrefix("outcome,enough data,mentees,"), "\(csv.errors)")
        #expect(csv.output.contains("\r\nretention,") && csv.output.contains("\r\npromotion,"))
        let json = try lodestar("report", "--programme", programme.description, "--lift", "--format", "json")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(body["programmeId"] as? String == programme.description && (body["cohorts"] as? [Any])?.count == 1)
        #expect(try lodestar("report", "--cycle", programme.description, "--lift").errors.contains("--lift measures a programme: give --programme"))
    }

    @Test("succession flags and unflags by HR id and prints the pipeline as CSV and JSON; an unknown HR id is named")
    func succession() async throws {
        #expect(try lodestar("demo").status == 0)
        let connection = try StoreConnection(location: .sqliteFile(path: String(database.dropFirst("sqlite://".count))))
        let person: Person
        do {
            person = try #require(try await connection.store.allPeople().first)
            await connection.shutdown()
        } catch {
            await connection.shutdown()
            throw error
        }
        let flagged = try lodestar("succession", "--flag", person.externalID)
        #expect(flagged.status == 0 && flagged.output.contains("\(person.name) (\(person.externalID)) is a high potential, flagged by"), "\(flagged.errors)")
        let csv = try lodestar("succession")
        #expect(csv.status == 0 && csv.output.hasPrefix("competency,name,assessed,ready_now,ready_soon,developing\r\n") && csv.output.contains("\r\ndelegation,"))
        let json = try lodestar("succession", "--format", "json")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((body["highPotentials"] as? [[String: Any]])?.contains { $0["externalId"] as? String == person.externalID } == true)
        #expect(try lodestar("succession", "--unflag", person.externalID).output.contains("is no longer flagged"))
        #expect(try lodestar("succession", "--unflag", person.externalID).output.contains("was not flagged"))
        #expect(try lodestar("succession", "--flag", "P-NOBODY").errors.contains("P-NOBODY"))
    }

    @Test("match --publish makes the relationships once; a cycle not in matching is refused with its state")
    func publish() async throws {
        let seeded = try lodestar("demo")
        let cycleText = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Cycle id: ") }?.dropFirst(10))
        let refused = try lodestar("match", "--cycle", String(cycleText), "--publish")
        #expect(refused.status != 0 && refused.errors.contains("is enrolling; a matching is published while the cycle is in matching"))
        let cycleID = try #require(Cycle.ID(String(cycleText)))
        let connection = try StoreConnection(location: .sqliteFile(path: String(database.dropFirst("sqlite://".count))))
        do {
            _ = try await ProgrammeOffice(store: connection.store, principal: .commandLine).move(cycleID, to: .matching)
            await connection.shutdown()
        } catch {
            await connection.shutdown()
            throw error
        }
        let published = try lodestar("match", "--cycle", String(cycleText), "--publish")
        #expect(published.status == 0, "\(published.errors)")
        #expect(published.output.contains("Published: ") && published.output.contains("the cycle is active"))
        let again = try lodestar("match", "--cycle", String(cycleText), "--publish")
        #expect(again.output.contains("Already published") && again.output.contains("nothing was created"))
    }

    @Test("solve reaches an OR-Library optimum and names the line of a bad file")
    func solve() throws {
        let instance = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/benchmarks/orlib/assign100.txt").standardized.path
        if FileManager.default.fileExists(atPath: instance) {
            let run = try LodestarBinary.run(["solve", instance])
            #expect(run.output.contains(#""assigned":100,"objective":305,"optimal":true"#))
        } else {
            print("⚠️  \(instance) is ABSENT: the OR-Library part of this test did not run")
        }
        let capacity = try LodestarBinary.run(["solve", try file("wide.txt", "2 3\n1 2 3\n4 5 6\n"), "--capacity", "2", "--fairness"])
        #expect(capacity.output.contains(#""rows":2,"cols":3,"assigned":2"#))
        let graph = try LodestarBinary.run(["solve", "--general", try file("graph.txt", "4\n1 2 6\n2 3 10\n1 3 8\n3 4 7\n")])
        #expect(graph.output.contains(#""vertices":4,"edges":4,"pairs":2,"weight":13"#))
        let stable = try LodestarBinary.run(["solve", "--stable", try file("stable.txt", "2 2\n1 2\n1 2\n")])
        #expect(stable.output.contains(#""assigned":2,"objective":3"#))
        let bad = try LodestarBinary.run(["solve", try file("bad.txt", "2\n1 2\n3 x\n")])
        #expect(bad.status != 0 && bad.errors.contains("line 3, column 3: 'x' is not a whole number"))
    }

    @Test("names the problem with a bad database URL, port or missing file")
    func badSettings() throws {
        let url = try LodestarBinary.run(["migrate", "--database-url", "mysql://x"])
        #expect(url.status != 0 && url.errors.contains("use sqlite://FILE"))
        let port = try lodestar("serve", "--port", "eighty")
        #expect(port.status != 0 && port.errors.contains("port 'eighty' must be a whole number from 1 to 65535"))
        let tiny = try lodestar("demo", "--size", "10")
        #expect(tiny.status != 0 && tiny.errors.contains("--size 10 must be between 60 and 1000000"))
        let missing = try lodestar("import", "people", "/nonexistent.csv")
        #expect(missing.status != 0 && missing.errors.contains("cannot read /nonexistent.csv"))
    }
}
