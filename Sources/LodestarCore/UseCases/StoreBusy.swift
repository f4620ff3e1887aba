/// The database could not take a write in time (SQLite's single writer held by another
/// process past the busy timeout); the request may be repeated shortly.
public struct StoreBusy: Error, Equatable, Sendable, CustomStringConvertible {
    /// Seconds after which trying again makes sense.
    public static let retryAfterSeconds = 2
    /// Creates the error.
    public init() {}
    public var description: String { "The database is busy with another write; try again in a few seconds." }
}
