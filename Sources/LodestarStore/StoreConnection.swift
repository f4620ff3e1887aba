import Foundation
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// An open database: owns the connection pools and hands out the store. Shut it down when done.
public final class StoreConnection: Sendable {
    public let location: DatabaseLocation
    /// The repositories over this database.
    public let store: FluentStore
    private let databases: [Databases]
    private let eventLoopGroups: [MultiThreadedEventLoopGroup]
    private let threadPools: [NIOThreadPool]
    private let logger: Logger

    /// Opens (but does not migrate) the database at `location`.
    public init(location: DatabaseLocation, logger: Logger = Logger(label: "lodestar.store")) throws {
        let poolName = "lodestar-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8).lowercased())"
        let db: any Database
        switch location {
        case .sqliteFile(let path):
            // SQLite has one writer: one event loop, hence one connection, serialises writes instead
            // of failing them with "database is locked". Reads go to their own connections (one per
            // loop, each with a thread of its own to run on), so they never queue behind the writer.
            let writer = try Self.sqlite(.file(path), loops: 1, threads: NIOThreadPool.singleton, logger: logger)
            let readerThreads = NIOThreadPool(numberOfThreads: Self.sqliteReaders)
            readerThreads.start()
            let readers = try Self.sqlite(.file(path), loops: Self.sqliteReaders, threads: readerThreads, logger: logger)
            databases = [writer.databases, readers.databases]
            eventLoopGroups = [writer.group, readers.group]
            threadPools = [readerThreads]
            db = ReadersAndWriter(writer: writer.connections[0], readers: readers.connections)
        case .sqliteMemory:
            // A database in memory is the one connection's own: readers would each open another.
            let only = try Self.sqlite(.memory, loops: 1, threads: NIOThreadPool.singleton, logger: logger)
            (databases, eventLoopGroups, threadPools, db) = ([only.databases], [only.group], [], only.connections[0])
        case .postgres(let url):
            // Each pool names itself, so that `pg_stat_activity` tells its connections from others'.
            // PostgreSQL shares the process-wide loops; the store uses one loop's pool. Taking every
            // loop's pool in turn measured no faster (the database's own processes share the cores)
            // and held twice the idle connections, past the test cluster's limit.
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.coreConfiguration.options.additionalStartupParameters.append(("application_name", poolName))
            let postgres = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
            postgres.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: Self.postgresConnections, sqlLogLevel: .trace), as: .psql)
            guard let opened = postgres.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()) else {
                throw DatabaseURLError(url: location.description, reason: "the database could not be opened")
            }
            (databases, eventLoopGroups, threadPools, db) = ([postgres], [], [], opened)
        }
        self.location = location
        self.logger = logger
        let pool = location.kind == "postgresql"
            ? DatabasePool(name: poolName, limit: Self.postgresConnections)
            : DatabasePool(name: nil, limit: 1)
        self.store = FluentStore(db: db, kind: location.kind, pool: pool)
    }

    /// A SQLite database on `loops` event loops of its own — one connection each — running its
    /// statements on `threads`.
    private static func sqlite(_ configuration: SQLiteConfiguration, loops: Int, threads: NIOThreadPool,
                               logger: Logger) throws -> (databases: Databases, group: MultiThreadedEventLoopGroup, connections: [any Database & SQLDatabase]) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: loops)
        let databases = Databases(threadPool: threads, on: group)
        // A request waits for its connection behind a long write (a publication, an import)
        // rather than failing after the pool's usual 10 seconds.
        databases.use(.sqlite(configuration, connectionPoolTimeout: sqliteWait, sqlLogLevel: .trace), as: .sqlite)
        let connections = group.makeIterator().compactMap { databases.database(logger: logger, on: $0) as? any Database & SQLDatabase }
        guard connections.count == loops else { throw DatabaseURLError(url: "sqlite", reason: "the database could not be opened") }
        return (databases, group, connections)
    }

    /// Reader connections of a SQLite file: enough to keep both cores busy while some wait for a
    /// thread hop.
    static let sqliteReaders = max(2, System.coreCount * 2)

    /// PostgreSQL connections the store's pool may open.
    static let postgresConnections = 4

    /// How long a request waits for SQLite's one connection before answering busy.
    static let sqliteWait = TimeAmount.seconds(60)

    /// Brings the schema up to date; safe to run at every start.
    public func migrate() async throws {
        try await prepareConnection()
        try await migrate(first: LodestarMigrations.all.count)
    }

    /// How long a SQLite write waits for another process's lock before answering "busy".
    public static let busyTimeoutMilliseconds = 5000

    /// SQLite as a server database: readers that don't queue behind the writer (WAL), and a
    /// write that waits for another process's lock a bounded time, then fails as `StoreBusy`
    /// (the driver's default handler would wait forever, holding the one connection).
    func prepareConnection() async throws {
        // Readers meet a lock only while another process recovers or resets the log: they wait too.
        guard let split = store.db as? ReadersAndWriter else { return }
        try await split.writer.raw("PRAGMA journal_mode = WAL").run()
        try await split.onEveryConnection("PRAGMA busy_timeout = \(literal: Self.busyTimeoutMilliseconds)")
    }

    /// Runs the first `count` migrations (the tests upgrade a database from an earlier schema).
    /// Each runs with its bookkeeping row in one transaction (both databases have transactional
    /// DDL), so a `migrate` killed at any moment leaves every migration either done and recorded
    /// or not started, and the next run carries on.
    func migrate(first count: Int) async throws {
        let (db, isPostgres, logger) = (store.db, location.kind == "postgresql", logger)
        guard let sql = db as? any SQLDatabase else { return }
        try await MigrationLog.migration.prepare(on: db).get()
        let logged = try await MigrationLog.query(on: db).all()
        // An up-to-date database costs this one read; only migrations not yet recorded run.
        let pending = LodestarMigrations.all.prefix(count).filter { migration in !logged.contains { $0.name == migration.name } }
        guard !pending.isEmpty else { return }
        let batch = (logged.map(\.batch).max() ?? 0) + 1
        // SQLite's way to change a table that others refer to: foreign keys off around the
        // transaction (the pragma can't change inside one), checked before committing. The one
        // SQLite connection is the migrator's alone: nothing else runs before migrations end.
        if !isPostgres { try await sql.raw("PRAGMA foreign_keys = OFF").run() }
        do {
            for migration in pending {
                try await db.transaction { tx in
                    guard let sql = tx as? any SQLDatabase else { return }
                    // A second server migrating at the same moment (PostgreSQL: it waits here) finds the row and skips.
                    if isPostgres { try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.migrationLock))").run() }
                    guard try await MigrationLog.query(on: tx).filter(\.$name == migration.name).count() == 0 else { return }
                    logger.debug("Migrating: \(migration.name)")
                    try await migration.prepare(on: tx).get()
                    if !isPostgres, let broken = try await sql.raw("PRAGMA foreign_key_check").first() {
                        throw MigrationFailed(migration: migration.name, reason: "it would break a foreign key (\(broken.allColumns.joined(separator: ", ")))")
                    }
                    try await MigrationLog(name: migration.name, batch: batch).create(on: tx)
                }
            }
        } catch {
            if !isPostgres { try? await sql.raw("PRAGMA foreign_keys = ON").run() }
            throw error
        }
        if !isPostgres { try await sql.raw("PRAGMA foreign_keys = ON").run() }
    }

    /// How many migrations this version has.
    public static var migrationCount: Int { LodestarMigrations.all.count }

    /// How many migrations the database records as done (0 for a new one).
    public func recordedMigrations() async throws -> Int {
        try await MigrationLog.migration.prepare(on: store.db).get()
        return try await MigrationLog.query(on: store.db).count()
    }

    /// The PostgreSQL advisory lock that serialises migrations across servers.
    static let migrationLock = 0x4C4F_4445_5354_4152 // "LODESTAR"

    /// Closes the pools (and SQLite's event loops and reader threads).
    public func shutdown() async {
        for databases in databases { await databases.shutdownAsync() }
        for group in eventLoopGroups { try? await group.shutdownGracefully() }
        for threads in threadPools { try? await threads.shutdownGracefully() }
    }
}

/// A migration that could not be finished; the database is as it was before it.
public struct MigrationFailed: Error, CustomStringConvertible {
    public let migration: String
    public let reason: String
    public var description: String { "migration \(migration) was not applied: \(reason)" }
}
