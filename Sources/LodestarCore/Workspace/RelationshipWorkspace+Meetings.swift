import Foundation

/// Arranging meetings (M10): times that suit everyone, invitations that calendars understand, and
/// a message to the others for every change.
extension RelationshipWorkspace {
    /// Logs a meeting that was held.
    public func logMeeting(_ id: Relationship.ID, heldOn: Date, minutes: Int, mode: MeetingMode, now: Date) async throws -> HeldMeeting {
        let (relationship, me) = try await changing(id)
        var issues: [FieldIssue] = []
        if !(5...600).contains(minutes) { issues.append(FieldIssue(field: "minutes", message: "\(minutes) is not a meeting's length; give 5 to 600 minutes")) }
        if Self.isLater(heldOn, than: now, in: principal.person?.zone(orElse: nil) ?? .gmt) {
            issues.append(FieldIssue(field: "heldOn", message: "is in the future; log meetings once they are held"))
        }
        if heldOn < relationship.startedAt.addingTimeInterval(-86400) {
            issues.append(FieldIssue(field: "heldOn", message: "is before the relationship began"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        return try await record(HeldMeeting(relationshipID: id, heldOn: heldOn, minutes: minutes, mode: mode, loggedBy: me), in: relationship, now: now)
    }

    /// Stores a held meeting, asks everyone still in it how it went, awards milestones;
    /// `claim` runs first in the same transaction and may refuse it (a meeting confirmed twice).
    func record(_ meeting: HeldMeeting, in relationship: Relationship, now: Date,
                claim: (@Sendable (any LodestarRepositories) async throws -> Void)? = nil) async throws -> HeldMeeting {
        // Everyone still in it is asked how the meeting went (and sees the question in the workspace).
        let writer = NoticeWriter(publicURL: publicURL, now: now, about: try await store.programmeID(of: relationship))
        let asked = try await people(relationship).current.map { writer.pulseAsked($0, heldOn: meeting.heldOn, workspace: .relationship(.value(relationship.id))) }
        try await store.inTransaction { tx in
            try await claim?(tx)
            try await tx.save(meeting)
            try await tx.enqueue(.meetingHeld(meeting, in: relationship, at: now))
            for notice in asked { try await tx.save(notice) }
        }
        try await celebrate(relationship.id, now: now)
        return meeting
    }

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

    /// Start times inside every participant's weekly availability over the next two weeks.
    public func suggestedTimes(_ id: Relationship.ID, minutes: Int = 60, now: Date) async throws -> [Date] {
        let (relationship, _) = try await participation(id)
        let diaries = try await diaries(try await people(relationship))
        return MeetingTimes.suggest(Array(diaries.values), minutes: minutes, from: now)
    }

    /// Arranges a meeting and tells the others.
    public func scheduleMeeting(_ id: Relationship.ID, _ plan: MeetingPlan, now: Date) async throws -> ScheduledMeeting {
        let (relationship, me) = try await changing(id)
        try await check(plan, relationship, now: now)
        let meeting = ScheduledMeeting(relationshipID: id, startsAt: plan.startsAt, minutes: plan.minutes, mode: plan.mode,
                                       place: plan.place.trimmingCharacters(in: .whitespaces), timeZone: plan.timeZone, arrangedBy: me, changedAt: now)
        try await record(meeting, in: relationship, by: me, change: "arranged", now: now)
        return meeting
    }

    /// Moves or changes a meeting: the same calendar event, one sequence on.
    /// With `expected` (the sequence the mover read), a meeting someone moved since is refused.
    public func rescheduleMeeting(_ id: Relationship.ID, meeting meetingID: ScheduledMeeting.ID, _ plan: MeetingPlan,
                                  expecting expected: Int? = nil, now: Date) async throws -> ScheduledMeeting {
        let (relationship, me) = try await changing(id)
        var meeting = try await scheduled(meetingID, in: id)
        let read = expected ?? meeting.sequence
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
        try await record(meeting, read: read, in: relationship, by: me, change: "moved", now: now)
        return meeting
    }

    /// Cancels a meeting; calendars that hold it receive the cancellation.
    public func cancelMeeting(_ id: Relationship.ID, meeting meetingID: ScheduledMeeting.ID, expecting expected: Int? = nil, now: Date) async throws -> ScheduledMeeting {
        let (relationship, me) = try await changing(id)
        var meeting = try await scheduled(meetingID, in: id)
        if let expected, expected != meeting.sequence { throw ChangedSinceRead(what: "meeting", version: meeting.sequence) }
        guard !meeting.cancelled else { return meeting }
        let read = expected ?? meeting.sequence
        meeting.cancel(at: now)
        try await record(meeting, read: read, in: relationship, by: me, change: "cancelled", now: now)
        return meeting
    }

    /// The meeting's invitation (or, once cancelled, its cancellation) as an `.ics` document.
    public func invitation(_ id: Relationship.ID, meeting meetingID: ScheduledMeeting.ID) async throws -> String {
        let (relationship, _) = try await participation(id)
        let meeting = try await scheduled(meetingID, in: id)
        return ICalendar.document([meeting.event(with: try await people(relationship).current)], method: meeting.cancelled ? .cancel : .request)
    }

    func scheduled(_ meetingID: ScheduledMeeting.ID, in id: Relationship.ID) async throws -> ScheduledMeeting {
        guard let meeting = try await store.scheduledMeeting(meetingID), meeting.relationshipID == id else { throw NotFound("meeting", meetingID) }
        return meeting
    }

    func check(_ plan: MeetingPlan, _ relationship: Relationship, now: Date) async throws {
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

    /// Writes the changed meeting and tells the others, in one transaction with the relationship
    /// held, unless someone changed it since it was read at sequence `read` (then nothing is written).
    private func record(_ meeting: ScheduledMeeting, read: Int? = nil, in relationship: Relationship, by me: Person.ID, change: String, now: Date) async throws {
        let people = try await people(relationship)
        guard let author = people.person(me) else { throw NotFound("relationship", relationship.id) }
        // Only a new time is held against the others' free time.
        let diaries = meeting.cancelled ? [:] : try await diaries(people)
        let writer = NoticeWriter(publicURL: publicURL, now: now, about: try await store.programmeID(of: relationship))
        let notices = people.others(than: me).map { other in
            // A time outside their weekly free time is said so, for them to answer.
            let outside = diaries[other.id].map { !$0.availability.slots.isEmpty && !MeetingTimes.fits($0, start: meeting.startsAt, minutes: meeting.minutes) } ?? false
            return writer.meetingChanged(meeting, change, by: author, to: other, outside: outside)
        }
        try await store.inTransaction { tx in
            if let read {
                try await tx.lockForChange(.relationship(relationship.id))
                let stored = try await tx.scheduledMeeting(meeting.id)?.sequence ?? read
                if stored != read { throw ChangedSinceRead(what: "meeting", version: stored) }
            }
            try await tx.save(meeting)
            for notice in notices { try await tx.save(notice) }
        }
    }

    /// True when a held meeting's day (a form's date, kept at noon UTC) is after the logger's own
    /// today: a meeting held this morning is logged before noon UTC too, wherever one lives.
    public static func isLater(_ heldOn: Date, than now: Date, in zone: TimeZone) -> Bool {
        guard heldOn > now else { return false }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = .gmt
        var local = utc
        local.timeZone = zone
        let held = utc.dateComponents([.year, .month, .day], from: heldOn), today = local.dateComponents([.year, .month, .day], from: now)
        return (held.year ?? 0, held.month ?? 0, held.day ?? 0) > (today.year ?? 0, today.month ?? 0, today.day ?? 0)
    }

    func people(_ relationship: Relationship) async throws -> RelationshipPeople {
        guard let people = try await store.people(of: relationship) else { throw NotFound("relationship", relationship.id) }
        return people
    }

    /// The free time of everyone still in the relationship, by person, each in their own zone.
    private func diaries(_ people: RelationshipPeople) async throws -> [Person.ID: MeetingTimes.Diary] {
        let relationship = people.relationship
        let enrolments = [(relationship.mentor, relationship.mentorPerson)] + relationship.currentMembers.map { ($0.enrolment, $0.person) }
        var diaries: [Person.ID: MeetingTimes.Diary] = [:]
        for (enrolment, personID) in enrolments {
            guard let person = people.person(personID) else { continue }
            diaries[personID] = MeetingTimes.Diary(availability: try await store.enrolment(enrolment)?.profile.availability ?? WeeklyAvailability(),
                                                   timeZone: TimeZone(identifier: person.timeZone) ?? .gmt)
        }
        return diaries
    }
}
