import AsyncKit
import FluentPostgresDriver
import FluentSQLiteDriver
import LodestarCore

/// Turns the two databases' own errors into the domain's: a busy SQLite, or a pool with no
/// connection free in time, into `StoreBusy` (503, try again); a unique index refusing a second
/// row into a `ValidationError` on the field it guards — what two requests creating one id at
/// the same moment meet.
public enum StoreErrors {
    /// Unique columns people type, and the field name that inputs use for each.
    static let fields = ["external_id": "id", "email": "email", "slug": "slug"]

    /// Runs `work`, its errors translated.
    static func translating<T>(_ work: () async throws -> T) async throws -> T {
        do { return try await work() } catch { throw translated(error) }
    }

    /// The domain error for `error`, or `error` itself when it is none of these.
    public static func translated(_ error: any Error) -> any Error {
        // Every connection busy for longer than the pool waits: as busy as a held lock.
        if error is ConnectionPoolTimeoutError { return StoreBusy() }
        if let error = error as? SQLiteError {
            switch error.reason {
            case .busy, .locked, .busyTimeout: return StoreBusy()
            case .constraint, .constraintUniqueFailed:
                guard let range = error.message.range(of: "UNIQUE constraint failed: ") else { return error }
                let columns = error.message[range.upperBound...].split(separator: ",").compactMap { $0.split(separator: ".").last.map(String.init) }
                return duplicate(columns.first ?? "", value: nil)
            default: return error
            }
        }
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" {
            // "Key (external_id)=(E0042) already exists."
            let detail = error.serverInfo?[.detail] ?? ""
            guard let open = detail.range(of: "Key ("), let close = detail.range(of: ")=(", range: open.upperBound..<detail.endIndex) else { return error }
            let value = detail[close.upperBound...].split(separator: ")").first.map(String.init)
            return duplicate(String(detail[open.upperBound..<close.lowerBound]), value: value)
        }
        return error
    }

    private static func duplicate(_ column: String, value: String?) -> ValidationError {
        ValidationError([FieldIssue(field: fields[column] ?? column,
                                    message: (value.map { "'\($0)' " } ?? "this value ") + "is already taken (another request may have just used it)")])
    }
}
