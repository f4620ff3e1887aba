import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix

/// An open database: owns the connection pools and hands out the store. Shut it down when done.
public final class StoreConnection: Sendable {
    public let location: DatabaseLocation
    /// The repositories over this database.
    public let store: FluentStore
    private let databases: Databases
    private let eventLoopGroup: MultiThreadedEventLoopGroup?
    private let logger: Logger

    /// Opens (but does not migrate) the database at `location`.
    public init(location: DatabaseLocation, logger: Logger = Logger(label: "lodestar.store")) throws {
        // SQLite has one writer: one event loop, hence one connection, serialises writes instead of
        // failing them with "database is locked". PostgreSQL shares the process-wide loops.
        let group: any EventLoopGroup
        switch location {
        case .sqliteFile, .sqliteMemory:
            let own = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            eventLoopGroup = own
            group = own
        case .postgres:
            eventLoopGroup = nil
            group = MultiThreadedEventLoopGroup.singleton
        }
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        switch location {
        case .sqliteFile(let path): databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory: databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
        }
        guard let db = databases.database(logger: logger, on: group.any()) else {
            throw DatabaseURLError(url: location.description, reason: "the database could not be opened")
        }
        self.location = location
        self.databases = databases
        self.logger = logger
        self.store = FluentStore(db: db, kind: location.kind)
    }

    /// Brings the schema up to date; safe to run at every start.
    public func migrate() async throws {
        try await migrate(first: LodestarMigrations.all.count)
    }

    /// Runs the first `count` migrations (the tests upgrade a database from an earlier schema).
    func migrate(first count: Int) async throws {
        let migrations = Migrations()
        migrations.add(Array(LodestarMigrations.all.prefix(count)))
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: store.db.eventLoop, migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Closes the pools (and the SQLite event loop).
    public func shutdown() async {
        await databases.shutdownAsync()
        try? await eventLoopGroup?.shutdownGracefully()
    }
}
