/// Two people who must not be paired (a declared conflict of interest), and why.
public struct ConflictOfInterest: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = Identifier<ConflictOfInterest>

    public var id: ID
    public var people: PersonPair
    public var reason: String

    /// Creates a declaration.
    public init(id: ID = ID(), between a: Person.ID, and b: Person.ID, reason: String) {
        self.id = id
        people = PersonPair(a, b)
        self.reason = reason
    }
}
