import FluentKit
import Foundation
import LodestarCore

final class ConflictModel: Model, @unchecked Sendable {
    static let schema = "conflicts"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_a") var personA: UUID
    @Field(key: "person_b") var personB: UUID
    @Field(key: "reason") var reason: String

    init() {}

    init(_ conflict: ConflictOfInterest) {
        id = conflict.id.uuid
        personA = conflict.people.first.uuid
        personB = conflict.people.second.uuid
        reason = conflict.reason
    }

    var domain: ConflictOfInterest {
        ConflictOfInterest(id: ConflictOfInterest.ID(id!), between: Person.ID(personA), and: Person.ID(personB), reason: reason)
    }
}
