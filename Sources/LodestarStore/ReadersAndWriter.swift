import FluentKit
import Logging
import NIOCore
import SQLKit
import Synchronization

/// A SQLite file as a server needs it: reads outside a transaction go to a pool of reader
/// connections, everything else — writes, transactions, schema changes, a held connection — to
/// the one writer. In WAL mode a reader sees every committed write and never waits for the
/// writer, so a page's reads no longer queue behind an import, a publication or each other.
struct ReadersAndWriter: Database, SQLDatabase {
    let writer: any Database & SQLDatabase
    private let connections: [any Database & SQLDatabase]
    private let turn = Turn()

    init(writer: any Database & SQLDatabase, readers: [any Database & SQLDatabase]) {
        self.writer = writer
        self.connections = readers.isEmpty ? [writer] : readers
    }

    /// The next reader connection, in turn.
    var reader: any Database & SQLDatabase { connections[turn.next() % connections.count] }

    /// Runs `statement` once on the writer and on every reader connection (each pool holds exactly
    /// one): a setting of the connection, such as its busy timeout.
    func onEveryConnection(_ statement: SQLQueryString) async throws {
        for connection in [writer] + connections { try await connection.raw(statement).run() }
    }

    private final class Turn: Sendable {
        private let count = Atomic<Int>(0)
        func next() -> Int { count.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max }
    }

    /// Where a statement runs: only a plain `SELECT` is a read (a `WITH …` may write).
    func runsOnReader(_ query: any SQLExpression) -> Bool {
        if query is SQLSelect { return true }
        let text = serialize(query).sql.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }
        return text.prefix(6).map { $0 | 0x20 }.elementsEqual("select".utf8)
    }

    // MARK: Fluent

    var context: DatabaseContext { writer.context }
    var inTransaction: Bool { false }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        switch query.action {
        case .read, .aggregate: reader.execute(query: query, onOutput: onOutput)
        default: writer.execute(query: query, onOutput: onOutput)
        }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { writer.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { writer.execute(enum: `enum`) }
    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> { writer.transaction(closure) }
    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> { writer.withConnection(closure) }

    // MARK: SQLKit

    var logger: Logger { writer.logger }
    var eventLoop: any EventLoop { writer.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { writer.version }
    var dialect: any SQLDialect { writer.dialect }
    var queryLogLevel: Logger.Level? { writer.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        runsOnReader(query) ? reader.execute(sql: query, onRow) : writer.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if runsOnReader(query) { try await reader.execute(sql: query, onRow) } else { try await writer.execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await writer.withSession(closure)
    }
}
