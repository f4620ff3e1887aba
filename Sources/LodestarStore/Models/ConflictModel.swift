import FluentKit
import Foundation
import LodestarCore

final class ConflictModel: Model, @unchecked Sendable {
    static let schema = "conflicts"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_a") var personA: UUID
    @Field(key: "person_b") var personB: UUID
    @Field(key: "reason") var reason: String
    @OptionalField(key: "declared_by") var declaredBy: String?
    @OptionalField(key: "declared_at") var declaredAt: Date?

    init() {}

    init(_ conflict: ConflictOfInterest) {
        id = conflict.id.uuid
        personA = conflict.people.first.uuid
        personB = conflict.people.second.uuid
        reason = conflict.reason
        declaredBy = conflict.declared?.by
        declaredAt = conflict.declared?.at
    }

    var domain: ConflictOfInterest {
        ConflictOfInterest(id: ConflictOfInterest.ID(id!), between: Person.ID(personA), and: Person.ID(personB), reason: reason,
                           declared: Attribution(by: declaredBy, at: declaredAt))
    }
}
