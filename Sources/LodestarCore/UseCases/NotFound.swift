/// A record that was asked for by id and does not exist.
public struct NotFound: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of record, in the domain's words ("person", "cycle").
    public let kind: String
    public let id: String
    /// Creates the error.
    public init(_ kind: String, _ id: CustomStringConvertible) {
        self.kind = kind
        self.id = id.description
    }
    public var description: String { "no \(kind) with id \(id)" }
}

/// The database could not take a write in time (SQLite's single writer held by another
/// process past the busy timeout); the request may be repeated shortly.
public struct StoreBusy: Error, Equatable, Sendable, CustomStringConvertible {
    /// Seconds after which trying again makes sense.
    public static let retryAfterSeconds = 2
    /// Creates the error.
    public init() {}
    public var description: String { "The database is busy with another write; try again in a few seconds." }
}
