import FluentKit
import Foundation
import LodestarCore

final class MentorRequestModel: Model, @unchecked Sendable {
    static let schema = "mentor_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "mentee_enrolment") var mentee: UUID
    @Field(key: "mentor_enrolment") var mentor: UUID
    @Field(key: "rank") var rank: Int
    @Field(key: "state") var state: String
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "reason") var reason: String?

    init() {}

    func update(from request: MentorRequest) {
        id = request.id.uuid
        cycleID = request.cycleID.uuid
        mentee = request.mentee.uuid
        mentor = request.mentor.uuid
        rank = request.rank
        state = request.state.rawValue
        sentAt = request.sentAt
        expiresAt = request.expiresAt
        answeredAt = request.answeredAt
        reason = request.reason
    }

    func domain() throws -> MentorRequest {
        MentorRequest(id: MentorRequest.ID(id!), cycleID: Cycle.ID(cycleID), mentee: Enrolment.ID(mentee), mentor: Enrolment.ID(mentor), rank: rank,
                      state: try StoredValue.decode(state, as: MentorRequest.State.self, column: "mentor_requests.state"),
                      sentAt: sentAt, expiresAt: expiresAt, answeredAt: answeredAt, reason: reason)
    }
}
