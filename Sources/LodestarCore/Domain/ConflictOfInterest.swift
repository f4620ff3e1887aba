/// Two people who must not be paired (a declared conflict of interest), why, and who declared it.
public struct ConflictOfInterest: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = Identifier<ConflictOfInterest>

    public var id: ID
    public var people: PersonPair
    public var reason: String
    /// Nil for declarations made before they were recorded.
    public var declared: Attribution?

    /// Creates a declaration.
    public init(id: ID = ID(), between a: Person.ID, and b: Person.ID, reason: String, declared: Attribution? = nil) {
        self.id = id
        people = PersonPair(a, b)
        self.reason = reason
        self.declared = declared
    }
}

/// A declaration as a list shows it: with the two people's names and HR ids.
public struct NamedConflict: Sendable, Equatable {
    public let conflict: ConflictOfInterest
    /// The two people, in the order of `conflict.people`.
    public let people: [NamedPerson]

    /// Creates a listing.
    public init(_ conflict: ConflictOfInterest, people: [NamedPerson]) {
        self.conflict = conflict
        self.people = people
    }
}

/// A person by name and HR id, for lists that show no more of them.
public struct NamedPerson: Sendable, Equatable {
    public let id: Person.ID
    public let externalID: String
    public let name: String

    /// Creates the reference.
    public init(id: Person.ID, externalID: String, name: String) {
        self.id = id
        self.externalID = externalID
        self.name = name
    }
}
