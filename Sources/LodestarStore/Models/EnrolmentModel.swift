import FluentKit
import Foundation
import LodestarCore

final class EnrolmentModel: Model, @unchecked Sendable {
    static let schema = "enrolments"

    @ID(key: .id) var id: UUID?
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "role") var role: String
    /// The M3 profile as one JSON document: it is read and written whole.
    @Field(key: "profile") var profile: MentoringProfile

    init() {}

    init(_ enrolment: Enrolment) { update(from: enrolment) }

    func update(from enrolment: Enrolment) {
        id = enrolment.id.uuid
        cycleID = enrolment.cycleID.uuid
        personID = enrolment.personID.uuid
        role = enrolment.role.rawValue
        profile = enrolment.profile
    }

    func domain() throws -> Enrolment {
        Enrolment(id: Enrolment.ID(id!), cycleID: Cycle.ID(cycleID), personID: Person.ID(personID),
                  role: try StoredValue.decode(role, as: EnrolmentRole.self, column: "enrolments.role"), profile: profile)
    }
}
