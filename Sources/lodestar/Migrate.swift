import ArgumentParser
import LodestarStore

/// `lodestar migrate`: bring the schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withStore(database) { _ in }
        print("The database is up to date.")
    }
}

/// Opens and migrates the configured database, runs `body`, and closes it whatever happens.
func withStore<T>(_ options: DatabaseOptions, _ body: (FluentStore) async throws -> T) async throws -> T {
    let location = try Settings(flags: ["database.url": options.databaseURL]).database()
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
