import Foundation

/// Arranging meetings (M10): times that suit both, invitations that calendars understand, and a
/// message to the partner for every change.
extension RelationshipWorkspace {
    /// What a participant asks for when arranging or moving a meeting.
    public struct MeetingPlan: Sendable {
        public var startsAt: Date
        public var minutes: Int
        public var mode: MeetingMode
        public var place: String
        /// The zone the time was given in (the arranging person's).
        public var timeZone: String
        /// Creates a plan.
        public init(startsAt: Date, minutes: Int, mode: MeetingMode, place: String, timeZone: String) {
            self.startsAt = startsAt
            self.minutes = minutes
            self.mode = mode
            self.place = place
            self.timeZone = timeZone
        }
    }

    /// Start times inside both participants' weekly availability over the next two weeks.
    public func suggestedTimes(_ id: Relationship.ID, minutes: Int = 60, now: Date) async throws -> [Date] {
        let (relationship, _) = try await participation(id)
        let (mentor, mentee) = try await people(relationship)
        let diaries = try await diaries(relationship, mentor, mentee)
        return MeetingTimes.suggest(diaries.mentor, diaries.mentee, minutes: minutes, from: now)
    }

    /// Arranges a meeting and tells the partner.
    public func scheduleMeeting(_ id: Relationship.ID, _ plan: MeetingPlan, now: Date) async throws -> ScheduledMeeting {
        let (relationship, me) = try await changing(id)
        try await check(plan, relationship, now: now)
        let meeting = ScheduledMeeting(relationshipID: id, startsAt: plan.startsAt, minutes: plan.minutes, mode: plan.mode,
                                       place: plan.place.trimmingCharacters(in: .whitespaces), timeZone: plan.timeZone, arrangedBy: me, changedAt: now)
        try await record(meeting, in: relationship, by: me, change: "arranged", now: now)
        return meeting
    }

    /// Moves or changes a meeting: the same calendar event, one sequence on.
    public func rescheduleMeeting(_ id: Relationship.ID, meeting meetingID: ScheduledMeeting.ID, _ plan: MeetingPlan, now: Date) async throws -> ScheduledMeeting {
        let (relationship, me) = try await changing(id)
        var meeting = try await scheduled(meetingID, in: id)
        guard !meeting.cancelled else { throw ValidationError([FieldIssue(field: "meeting", message: "was cancelled; arrange a new one")]) }
        try await check(plan, relationship, now: now)
        meeting.startsAt = plan.startsAt
        meeting.minutes = plan.minutes
        meeting.mode = plan.mode
        meeting.place = plan.place.trimmingCharacters(in: .whitespaces)
        meeting.timeZone = plan.timeZone
        meeting.sequence += 1
        meeting.changedAt = now
        meeting.remindedAt = nil
        try await record(meeting, in: relationship, by: me, change: "moved", now: now)
        return meeting
    }

    /// Cancels a meeting; calendars that hold it receive the cancellation.
    public func cancelMeeting(_ id: Relationship.ID, meeting meetingID: ScheduledMeeting.ID, now: Date) async throws -> ScheduledMeeting {
        let (relationship, me) = try await changing(id)
        var meeting = try await scheduled(meetingID, in: id)
        guard !meeting.cancelled else { return meeting }
        meeting.cancelled = true
        meeting.sequence += 1
        meeting.changedAt = now
        try await record(meeting, in: relationship, by: me, change: "cancelled", now: now)
        return meeting
    }

    /// The meeting's invitation (or, once cancelled, its cancellation) as an `.ics` document.
    public func invitation(_ id: Relationship.ID, meeting meetingID: ScheduledMeeting.ID) async throws -> String {
        let (relationship, _) = try await participation(id)
        let meeting = try await scheduled(meetingID, in: id)
        let (mentor, mentee) = try await people(relationship)
        return ICalendar.document([meeting.event(mentor: mentor, mentee: mentee)], method: meeting.cancelled ? .cancel : .request)
    }

    private func scheduled(_ meetingID: ScheduledMeeting.ID, in id: Relationship.ID) async throws -> ScheduledMeeting {
        guard let meeting = try await store.scheduledMeeting(meetingID), meeting.relationshipID == id else { throw NotFound("meeting", meetingID) }
        return meeting
    }

    private func check(_ plan: MeetingPlan, _ relationship: Relationship, now: Date) async throws {
        var issues: [FieldIssue] = []
        if plan.startsAt <= now { issues.append(FieldIssue(field: "startsAt", message: "is in the past; arrange meetings ahead (log held ones below)")) }
        if !(15...240).contains(plan.minutes) { issues.append(FieldIssue(field: "minutes", message: "\(plan.minutes) is not a meeting's length; give 15 to 240 minutes")) }
        if plan.mode == .either { issues.append(FieldIssue(field: "mode", message: "choose in person or virtual")) }
        if TimeZone(identifier: plan.timeZone) == nil { issues.append(FieldIssue(field: "timeZone", message: "'\(plan.timeZone)' is not a time zone such as Europe/Berlin")) }
        if plan.place.count > 500 { issues.append(FieldIssue(field: "place", message: "is longer than 500 characters")) }
        if plan.mode == .inPerson, let programme = try await store.programme(of: relationship), programme.format == .distance {
            issues.append(FieldIssue(field: "mode", message: "\(programme.name) is distance mentoring: its meetings are virtual"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
    }

    private func record(_ meeting: ScheduledMeeting, in relationship: Relationship, by me: Person.ID, change: String, now: Date) async throws {
        let (mentor, mentee) = try await people(relationship)
        let (author, partner) = me == mentor.id ? (mentor, mentee) : (mentee, mentor)
        let zone = TimeZone(identifier: partner.timeZone) ?? TimeZone(identifier: meeting.timeZone) ?? .gmt
        let when = meeting.startsAt.formatted(Date.FormatStyle(date: .complete, time: .shortened, timeZone: zone))
        // A time outside the partner's weekly free time is said so, for them to answer.
        let diaries = try await diaries(relationship, mentor, mentee)
        let partnerDiary = partner.id == mentor.id ? diaries.mentor : diaries.mentee
        let outside = !meeting.cancelled && !partnerDiary.availability.slots.isEmpty
            && !MeetingTimes.fits(partnerDiary, start: meeting.startsAt, minutes: meeting.minutes)
        let notice = Notice(recipient: partner.email, subject: "Mentoring meeting \(change): \(when)", body: """
            Hello \(partner.name),

            \(author.name) \(change) your mentoring meeting on \(when) (\(zone.identifier)), \(meeting.minutes) minutes, \
            \(meeting.mode == .inPerson ? "in person" : "virtual")\(meeting.place.isEmpty ? "" : " — \(meeting.place)").
            \(outside ? "It lies outside the free time in your mentoring profile; tell \(author.name) if it does not suit you.\n" : "")\
            Add it to your calendar: \(publicURL)/relationships/\(relationship.id)/schedule/\(meeting.id)/invitation.ics

            """, createdAt: now)
        try await store.inTransaction { tx in
            try await tx.save(meeting)
            try await tx.save(notice)
        }
    }

    func people(_ relationship: Relationship) async throws -> (mentor: Person, mentee: Person) {
        guard let pair = try await store.people(of: relationship) else { throw NotFound("relationship", relationship.id) }
        return pair
    }

    private func diaries(_ relationship: Relationship, _ mentor: Person, _ mentee: Person) async throws -> (mentor: MeetingTimes.Diary, mentee: MeetingTimes.Diary) {
        func diary(_ enrolment: Enrolment.ID, _ person: Person) async throws -> MeetingTimes.Diary {
            MeetingTimes.Diary(availability: try await store.enrolment(enrolment)?.profile.availability ?? WeeklyAvailability(),
                               timeZone: TimeZone(identifier: person.timeZone) ?? .gmt)
        }
        return (try await diary(relationship.mentor, mentor), try await diary(relationship.mentee, mentee))
    }
}
