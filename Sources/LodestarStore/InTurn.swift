import FluentKit
import Logging
import NIOCore
import SQLKit
import Synchronization

/// Several databases of one kind — one per event loop — used in turn: each query, transaction or
/// held connection goes to the next. SQLite's readers (one connection each) and PostgreSQL's pools
/// (one per event loop) spread their work over every loop this way instead of one loop's share.
struct InTurn: Database, SQLDatabase {
    let members: [any Database & SQLDatabase]
    private let turn = Turn()

    /// `members` must not be empty.
    init(_ members: [any Database & SQLDatabase]) {
        precondition(!members.isEmpty, "InTurn needs at least one database")
        self.members = members
    }

    /// The next member, in turn.
    var next: any Database & SQLDatabase { members[turn.next() % members.count] }

    private final class Turn: Sendable {
        private let count = Atomic<Int>(0)
        func next() -> Int { count.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max }
    }

    // MARK: Fluent

    var context: DatabaseContext { members[0].context }
    var inTransaction: Bool { false }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        next.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { next.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { next.execute(enum: `enum`) }
    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> { next.transaction(closure) }
    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> { next.withConnection(closure) }

    // MARK: SQLKit

    var logger: Logger { members[0].logger }
    var eventLoop: any EventLoop { members[0].eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { members[0].version }
    var dialect: any SQLDialect { members[0].dialect }
    var queryLogLevel: Logger.Level? { members[0].queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        next.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await next.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await next.withSession(closure)
    }
}
