import Foundation

/// A typed identifier: a `Person.ID` can't be passed where a `Programme.ID` is wanted.
public struct Identifier<Owner>: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The underlying value, as stored.
    public let uuid: UUID

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// A new random identifier.
    public init() { self.uuid = UUID() }

    /// Parses the canonical textual form, or returns nil.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    public var description: String { uuid.uuidString.lowercased() }

    public init(from decoder: any Decoder) throws {
        uuid = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
