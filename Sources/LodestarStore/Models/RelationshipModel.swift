import FluentKit
import Foundation
import LodestarCore

final class RelationshipModel: Model, @unchecked Sendable {
    static let schema = "relationships"

    @ID(key: .id) var id: UUID?
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "mentor_enrolment") var mentor: UUID
    // The first member, kept because the columns are required; members are read from `relationship_members`.
    @Field(key: "mentee_enrolment") var firstMentee: UUID
    @Field(key: "mentee_person") var firstMenteePerson: UUID
    @Field(key: "mentor_person") var mentorPerson: UUID
    @Field(key: "score") var score: Double
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "end_reason") var endReason: String?

    init() {}

    init(_ relationship: Relationship) {
        id = relationship.id.uuid
        cycleID = relationship.cycleID.uuid
        mentor = relationship.mentor.uuid
        firstMentee = relationship.members[0].enrolment.uuid
        firstMenteePerson = relationship.members[0].person.uuid
        mentorPerson = relationship.mentorPerson.uuid
        score = relationship.score
        startedAt = relationship.startedAt
        endedAt = relationship.endedAt
        endReason = relationship.endReason
    }

    func domain(members: [RelationshipMemberModel]) -> Relationship {
        Relationship(id: Relationship.ID(id!), cycleID: Cycle.ID(cycleID), mentor: Enrolment.ID(mentor), mentorPerson: Person.ID(mentorPerson),
                     members: members.sorted { $0.position < $1.position }.map(\.domain), score: score,
                     startedAt: startedAt, endedAt: endedAt, endReason: endReason)
    }
}

/// A mentee (or peer) of a relationship; closed once they left or the relationship ended.
final class RelationshipMemberModel: Model, @unchecked Sendable {
    static let schema = "relationship_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "relationship_id") var relationshipID: UUID
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "mentee_enrolment") var enrolment: UUID
    @Field(key: "mentee_person") var person: UUID
    @Field(key: "position") var position: Int
    @OptionalField(key: "left_at") var leftAt: Date?
    @OptionalField(key: "leave_reason") var leaveReason: String?
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    init(_ member: Relationship.Member, of relationship: Relationship, position: Int) {
        id = UUID()
        relationshipID = relationship.id.uuid
        cycleID = relationship.cycleID.uuid
        enrolment = member.enrolment.uuid
        person = member.person.uuid
        self.position = position
        leftAt = member.leftAt
        leaveReason = member.leaveReason
        closedAt = member.leftAt ?? relationship.endedAt
    }

    var domain: Relationship.Member {
        Relationship.Member(enrolment: Enrolment.ID(enrolment), person: Person.ID(person), leftAt: leftAt, leaveReason: leaveReason)
    }
}
