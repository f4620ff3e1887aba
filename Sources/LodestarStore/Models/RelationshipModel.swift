import FluentKit
import Foundation
import LodestarCore

final class RelationshipModel: Model, @unchecked Sendable {
    static let schema = "relationships"

    @ID(key: .id) var id: UUID?
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "mentor_enrolment") var mentor: UUID
    @Field(key: "mentee_enrolment") var mentee: UUID
    @Field(key: "mentor_person") var mentorPerson: UUID
    @Field(key: "mentee_person") var menteePerson: UUID
    @Field(key: "score") var score: Double
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "end_reason") var endReason: String?

    init() {}

    init(_ relationship: Relationship) {
        id = relationship.id.uuid
        cycleID = relationship.cycleID.uuid
        mentor = relationship.mentor.uuid
        mentee = relationship.mentee.uuid
        mentorPerson = relationship.mentorPerson.uuid
        menteePerson = relationship.menteePerson.uuid
        score = relationship.score
        startedAt = relationship.startedAt
        endedAt = relationship.endedAt
        endReason = relationship.endReason
    }

    var domain: Relationship {
        Relationship(id: Relationship.ID(id!), cycleID: Cycle.ID(cycleID), mentor: Enrolment.ID(mentor), mentee: Enrolment.ID(mentee),
                     mentorPerson: Person.ID(mentorPerson), menteePerson: Person.ID(menteePerson), score: score,
                     startedAt: startedAt, endedAt: endedAt, endReason: endReason)
    }
}
