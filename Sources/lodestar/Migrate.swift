import ArgumentParser
import Foundation
import LodestarStore

/// `lodestar migrate`: bring the schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let count = try await withStore(database) { _ in StoreConnection.migrationCount }
        print("The database is up to date (\(count) migrations).")
    }
}

/// Opens and migrates the configured database, runs `body`, and closes it whatever happens.
/// Commands that only read or add to an existing database pass `creating: false`: a mistyped
/// path then names the file instead of quietly starting an empty database there.
func withStore<T>(_ options: DatabaseOptions, creating: Bool = true, _ body: (FluentStore) async throws -> T) async throws -> T {
    let location = try Settings(flags: ["database.url": options.databaseURL]).database()
    if case .sqliteFile(let path) = location, !creating, !FileManager.default.fileExists(atPath: path) {
        throw ValidationError("the database file \(path) does not exist; check --database-url (or LODESTAR_DATABASE_URL), or add --create to start a new database there")
    }
    let connection = try StoreConnection(location: location)
    do {
        try await connection.migrate()
        let result = try await body(connection.store)
        await connection.shutdown()
        return result
    } catch {
        await connection.shutdown()
        throw error
    }
}
