import Foundation

/// Meetings that repeat (M10): a series arranged at the programme's cadence, each occurrence
/// movable or cancellable on its own, one `.ics` for the whole series (RRULE with its exceptions);
/// and an arranged meeting that took place confirmed as held in one click.
extension RelationshipWorkspace {
    /// How many meetings a series holds.
    public static let seriesLengths = 2...26

    /// Arranges `count` meetings at the programme's cadence, the first as `plan` says; the
    /// others are told once, with the series' invitation.
    public func scheduleSeries(_ id: Relationship.ID, _ plan: MeetingPlan, count: Int, now: Date) async throws -> [ScheduledMeeting] {
        guard Self.seriesLengths.contains(count) else {
            throw ValidationError([FieldIssue(field: "count", message: "\(count) is not a series' length; arrange \(Self.seriesLengths.lowerBound) to \(Self.seriesLengths.upperBound) meetings")])
        }
        let (relationship, me) = try await changing(id)
        try await check(plan, relationship, now: now)
        guard let programme = try await store.programme(of: relationship) else { throw NotFound("relationship", id) }
        let series = UUID()
        let meetings = programme.cadence.occurrences(from: plan.startsAt, count: count, in: TimeZone(identifier: plan.timeZone) ?? .gmt).map { start in
            ScheduledMeeting(relationshipID: id, startsAt: start, minutes: plan.minutes, mode: plan.mode, place: plan.place.trimmingCharacters(in: .whitespaces),
                             timeZone: plan.timeZone, arrangedBy: me, changedAt: now, series: .init(id: series, occurrence: start))
        }
        let people = try await people(relationship)
        guard let author = people.person(me), let first = meetings.first else { throw NotFound("relationship", id) }
        let writer = NoticeWriter(publicURL: publicURL, now: now, about: programme.id)
        let notices = people.others(than: me).map { writer.seriesArranged(first, count: count, cadence: programme.cadence, by: author, to: $0) }
        try await store.inTransaction { tx in
            for meeting in meetings { try await tx.save(meeting) }
            for notice in notices { try await tx.save(notice) }
        }
        return meetings
    }

    /// The series as one calendar event that repeats: cancelled occurrences excepted, moved or
    /// changed ones as their own events of the series.
    public func seriesInvitation(_ id: Relationship.ID, series: UUID) async throws -> String {
        let (relationship, _) = try await participation(id)
        let meetings = try await store.scheduledMeetings(of: id).filter { $0.series?.id == series }.sorted { ($0.series?.occurrence ?? $0.startsAt) < ($1.series?.occurrence ?? $1.startsAt) }
        guard let first = meetings.first, let firstStart = first.series?.occurrence else { throw NotFound("meeting series", series) }
        let cadence = try await store.programme(of: relationship)?.cadence ?? .monthly
        let people = try await people(relationship).current
        var master = first.event(with: people)
        master.recurrenceID = nil
        master.start = firstStart
        master.end = firstStart.addingTimeInterval(TimeInterval(first.minutes * 60))
        master.sequence = meetings.map(\.sequence).max() ?? 0
        master.recurrence = cadence.rule(count: meetings.count)
        master.exceptions = meetings.filter(\.cancelled).compactMap { $0.series?.occurrence }
        // Every occurrence cancelled: the whole series is, as one event.
        master.cancelled = meetings.allSatisfy(\.cancelled)
        let changed = master.cancelled ? [] : meetings.filter { !$0.cancelled && $0.sequence > 0 }.map { $0.event(with: people) }
        return ICalendar.document([master] + changed, method: master.cancelled ? .cancel : .request)
    }

    /// Confirms an arranged meeting that has taken place as held: logged with its day, length
    /// and mode, without retyping.
    public func confirmHeld(_ id: Relationship.ID, meeting meetingID: ScheduledMeeting.ID, now: Date) async throws -> HeldMeeting {
        let (relationship, me) = try await changing(id)
        let meeting = try await scheduled(meetingID, in: id)
        let already = ValidationError([FieldIssue(field: "meeting", message: "is confirmed as held already")])
        guard !meeting.cancelled else { throw ValidationError([FieldIssue(field: "meeting", message: "was cancelled; if it took place after all, log it below")]) }
        guard meeting.startsAt <= now else { throw ValidationError([FieldIssue(field: "meeting", message: "has not taken place yet; confirm it once it has")]) }
        guard meeting.heldAs == nil else { throw already }
        let held = HeldMeeting(relationshipID: id, heldOn: meeting.startsAt, minutes: meeting.minutes, mode: meeting.mode, loggedBy: me)
        // Two clicks at once log it once: the second finds the meeting claimed and writes nothing.
        return try await record(held, in: relationship, now: now) { tx in
            guard try await tx.claimHeld(meetingID, as: held.id) else { throw already }
        }
    }
}

extension MeetingCadence {
    /// The starts of `count` meetings from `start` at this cadence, on the same wall-clock time in `zone`.
    func occurrences(from start: Date, count: Int, in zone: TimeZone) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let (component, step) = step
        return (0..<max(0, count)).compactMap { calendar.date(byAdding: component, value: $0 * step, to: start) }
    }

    /// The iCalendar rule of `count` meetings at this cadence.
    func rule(count: Int) -> String {
        let (component, step) = step
        return component == .month ? "FREQ=MONTHLY;INTERVAL=\(step);COUNT=\(count)" : "FREQ=WEEKLY;INTERVAL=\(step / 7);COUNT=\(count)"
    }

    private var step: (Calendar.Component, Int) {
        switch self {
        case .weekly: (.day, 7)
        case .fortnightly: (.day, 14)
        case .monthly: (.month, 1)
        case .quarterly: (.month, 3)
        }
    }
}
