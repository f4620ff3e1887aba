import FluentKit
import Foundation
import LodestarCore

final class ScheduledMeetingModel: Model, @unchecked Sendable {
    static let schema = "scheduled_meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "relationship_id") var relationshipID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "minutes") var minutes: Int
    @Field(key: "mode") var mode: String
    @Field(key: "place") var place: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "sequence") var sequence: Int
    @Field(key: "cancelled") var cancelled: Bool
    @Field(key: "arranged_by") var arrangedBy: UUID
    @Field(key: "changed_at") var changedAt: Date
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @OptionalField(key: "series_id") var seriesID: UUID?
    @OptionalField(key: "series_occurrence") var seriesOccurrence: Date?
    @OptionalField(key: "held_meeting_id") var heldMeetingID: UUID?

    init() {}

    func update(from meeting: ScheduledMeeting) {
        id = meeting.id.uuid
        relationshipID = meeting.relationshipID.uuid
        startsAt = meeting.startsAt
        minutes = meeting.minutes
        mode = meeting.mode.rawValue
        place = meeting.place
        timeZone = meeting.timeZone
        sequence = meeting.sequence
        cancelled = meeting.cancelled
        arrangedBy = meeting.arrangedBy.uuid
        changedAt = meeting.changedAt
        remindedAt = meeting.remindedAt
        seriesID = meeting.series?.id
        seriesOccurrence = meeting.series?.occurrence
        heldMeetingID = meeting.heldAs?.uuid
    }

    func domain() throws -> ScheduledMeeting {
        ScheduledMeeting(id: ScheduledMeeting.ID(id!), relationshipID: Relationship.ID(relationshipID), startsAt: startsAt, minutes: minutes,
                                mode: try StoredValue.decode(mode, as: MeetingMode.self, column: "scheduled_meetings.mode"), place: place, timeZone: timeZone, sequence: sequence, cancelled: cancelled,
                                arrangedBy: Person.ID(arrangedBy), changedAt: changedAt, remindedAt: remindedAt,
                                series: seriesID.flatMap { id in seriesOccurrence.map { ScheduledMeeting.Series(id: id, occurrence: $0) } }, heldAs: heldMeetingID.map(HeldMeeting.ID.init))
    }
}

final class CalendarFeedModel: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(custom: "account_id", generatedBy: .user) var id: UUID?
    @Field(key: "digest") var digest: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
