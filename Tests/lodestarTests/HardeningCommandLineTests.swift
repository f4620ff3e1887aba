import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The command line against mistakes and crashes: a missing database, a file that is not
/// UTF-8, and `migrate` killed at any moment.
@Suite("lodestar command, hardened")
final class HardeningCommandLineTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-hard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test("importing into a database file that does not exist is refused unless --create is given")
    func importNeedsCreate() throws {
        let people = path("people.csv")
        try Fixtures.smallOrganisation.write(toFile: people, atomically: true, encoding: .utf8)
        let database = path("typo.sqlite")
        let refused = try LodestarBinary.run(["import", "people", people, "--database-url", "sqlite://" + database])
        #expect(refused.status != 0 && refused.errors.contains("does not exist") && refused.errors.contains("--create"))
        #expect(!FileManager.default.fileExists(atPath: database), "a refused import leaves no new database behind")
        let created = try LodestarBinary.run(["import", "people", people, "--create", "--database-url", "sqlite://" + database])
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("5 created"))
    }

    @Test("a file that is not UTF-8 is refused with the first line that isn't")
    func notUTF8() throws {
        let people = path("latin1.csv")
        var data = Data((Fixtures.peopleHeader + "\nP-1,Ana,ana@example.org,,3,,,,Europe/Lisbon,,,,,\nP-2,Jo").utf8)
        data.append(contentsOf: [0xE3, 0x6F]) // "Jão" in Latin-1
        data.append(Data(",jo@example.org,,3,,,,Europe/Lisbon,,,,,\n".utf8))
        try data.write(to: URL(fileURLWithPath: people))
        let run = try LodestarBinary.run(["import", "people", people, "--create", "--database-url", "sqlite://" + path("db.sqlite")])
        #expect(run.status != 0)
        #expect(run.errors.contains("line 3, column 7 (text): is not UTF-8 text"), "\(run.errors)")
    }

    @Test("migrate killed with SIGKILL at many moments leaves a database the next migrate finishes", arguments: TestDatabase.allCases)
    func killedMigrations(database: TestDatabase) async throws {
        // How long a whole migrate takes here, so the kills land all through it.
        let timing = try await location(database)
        guard let timing else { return }
        let started = Date()
        #expect(try LodestarBinary.run(["migrate", "--database-url", timing]).status == 0)
        let whole = Date().timeIntervalSince(started)
        var interrupted = 0
        for step in 0..<12 {
            guard let url = try await location(database) else { return }
            let delay = whole * Double(step) / 12
            // Killed up to three times in a row, then finished by a run left alone.
            for attempt in 0..<3 {
                let pid = try ChildProcess.spawn(LodestarBinary.path, ["migrate", "--database-url", url])
                try await Task.sleep(for: .seconds(delay * Double(attempt + 1) / 2))
                if ChildProcess.kill(pid) { interrupted += 1 }
            }
            let finish = try LodestarBinary.run(["migrate", "--database-url", url])
            #expect(finish.status == 0, "after a kill at \(Int(delay * 1000)) ms: \(finish.errors)")
            #expect(try await recordedMigrations(url) == StoreConnection.migrationCount, "after a kill at \(Int(delay * 1000)) ms")
        }
        #expect(interrupted >= 6, "too few runs were killed mid-way (\(interrupted)) for this test to mean anything")
    }

    /// A fresh database of the kind as a URL the binary takes: a new SQLite file, or a new PostgreSQL database.
    private func location(_ database: TestDatabase) async throws -> String? {
        guard let location = try await database.freshLocation() else { return nil }
        if case .postgres(let url) = location { return url }
        return "sqlite://" + path("migrate-\(UUID()).sqlite")
    }

    private func recordedMigrations(_ url: String) async throws -> Int {
        let connection = try StoreConnection(location: try DatabaseLocation(url: url))
        do {
            let count = try await connection.recordedMigrations()
            await connection.shutdown()
            return count
        } catch {
            await connection.shutdown()
            throw error
        }
    }
}
