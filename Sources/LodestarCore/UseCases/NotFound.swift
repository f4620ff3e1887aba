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
