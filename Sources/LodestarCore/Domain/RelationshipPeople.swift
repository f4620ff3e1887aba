/// A relationship's people, looked up: its mentor and its members in the relationship's order.
public struct RelationshipPeople: Sendable {
    public let relationship: Relationship
    public let mentor: Person
    /// One for each of `relationship.members`, the ones who left included.
    public let members: [Person]

    /// Creates the lookup; `members` follow `relationship.members`.
    public init(relationship: Relationship, mentor: Person, members: [Person]) {
        self.relationship = relationship
        self.mentor = mentor
        self.members = members
    }

    /// The mentor and every member.
    public var everyone: [Person] { [mentor] + members }

    /// The mentor and the members who have not left: who is told, invited and reminded.
    public var current: [Person] {
        [mentor] + zip(relationship.members, members).filter { $0.0.leftAt == nil }.map(\.1)
    }

    /// The person with this id, if they take part.
    public func person(_ id: Person.ID) -> Person? { everyone.first { $0.id == id } }

    /// Everyone still in it but `person`: a pair's partner, a group's others.
    public func others(than person: Person.ID) -> [Person] { current.filter { $0.id != person } }

    /// The first mentee (a pair's only one).
    public var mentee: Person { members[0] }
}

extension Array where Element == Person {
    /// The names as a phrase: "Ann", "Ann and Ben", "Ann, Ben and Cy".
    public var names: String { map(\.name).phrase }
}

extension Array where Element == String {
    /// The words as a phrase: "Ann", "Ann and Ben", "Ann, Ben and Cy".
    public var phrase: String {
        guard let last, count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " and " + last
    }
}
