import Foundation

/// Where the data lives, parsed from `LODESTAR_DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file (the default: `lodestar.sqlite` in the working directory).
    case sqliteFile(path: String)
    /// A private SQLite database in memory, gone when closed (tests).
    case sqliteMemory
    /// A PostgreSQL server, `postgres://user:pass@host:port/db`.
    case postgres(url: String)

    /// The default location.
    public static let defaultURL = "sqlite://lodestar.sqlite"

    /// Parses `sqlite://PATH`, `sqlite::memory:`, `postgres://…` or `postgresql://…`.
    public init(url: String) throws(DatabaseURLError) {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard let parsed = URL(string: url), parsed.host != nil, parsed.path.count > 1 else {
                throw DatabaseURLError(url: url, reason: "write it as postgres://user:password@host:5432/database")
            }
            self = .postgres(url: url)
        } else if url == "sqlite::memory:" {
            self = .sqliteMemory
        } else if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw DatabaseURLError(url: url, reason: "name the file, e.g. sqlite://lodestar.sqlite") }
            self = .sqliteFile(path: path)
        } else {
            throw DatabaseURLError(url: url, reason: "use sqlite://FILE, sqlite::memory: or postgres://user:password@host:port/database")
        }
    }

    /// The kind of database, for logs and `/health`.
    public var kind: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgresql"
        }
    }

    /// The location without its password.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "postgres://…" }
            if parts.password != nil { parts.password = "***" }
            return parts.string ?? "postgres://…"
        }
    }
}

/// A database URL that can't be used, with how to write it.
public struct DatabaseURLError: Error, Equatable, CustomStringConvertible {
    public let url: String
    public let reason: String
    public var description: String { "LODESTAR_DATABASE_URL is not usable: \(reason)" }
}
