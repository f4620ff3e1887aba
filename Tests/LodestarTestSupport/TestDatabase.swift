import Foundation
import LodestarCore
import LodestarStore
import Testing

/// The databases every store test runs on.
public enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    public var testDescription: String { rawValue }

    /// A fresh, empty database of this kind, or nil when PostgreSQL is unavailable (recorded as an issue under CI).
    public func freshLocation() async throws -> DatabaseLocation? {
        switch self {
        case .sqlite:
            return .sqliteMemory
        case .postgresql:
            switch await PostgresCluster.shared.start() {
            case .running:
                return .postgres(url: try await PostgresCluster.shared.createDatabase())
            case .unavailable(let reason):
                if ProcessInfo.processInfo.environment["CI"] == "true" {
                    Issue.record("PostgreSQL is required under CI: \(reason)")
                }
                return nil
            }
        }
    }

    /// Opens a fresh, migrated database of this kind, runs `body` and closes it.
    /// PostgreSQL cases pass without running when the binaries are missing, loudly — except under CI, where that fails.
    public func withConnection(_ body: (StoreConnection) async throws -> Void) async throws {
        guard let location = try await freshLocation() else { return }
        let connection = try StoreConnection(location: location)
        do {
            try await connection.migrate()
            try await body(connection)
        } catch {
            await connection.shutdown()
            throw error
        }
        await connection.shutdown()
    }

    /// Like `withConnection`, handing over only the store.
    public func withStore(_ body: (FluentStore) async throws -> Void) async throws {
        try await withConnection { try await body($0.store) }
    }

    /// Two app servers on one fresh, migrated database: on PostgreSQL each with its own connection
    /// pool, as two processes would have; SQLite (one writer, one server) hands the same one twice.
    public func withTwoServers(_ body: (FluentStore, FluentStore) async throws -> Void) async throws {
        guard let location = try await freshLocation() else { return }
        let first = try StoreConnection(location: location)
        let second = self == .postgresql ? try StoreConnection(location: location) : first
        func close() async {
            await first.shutdown()
            if self == .postgresql { await second.shutdown() }
        }
        do {
            try await first.migrate()
            try await body(first.store, second.store)
        } catch {
            await close()
            throw error
        }
        await close()
    }
}
