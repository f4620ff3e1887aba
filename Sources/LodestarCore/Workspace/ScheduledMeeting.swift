import Foundation

/// A meeting a mentor and mentee have arranged (M10). Changing it keeps its identity and raises
/// its sequence, so a calendar that imported the invitation updates the event; cancelling keeps
/// the row, so the cancellation can be sent as well.
public struct ScheduledMeeting: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<ScheduledMeeting>

    public var id: ID
    public var relationshipID: Relationship.ID
    public var startsAt: Date
    public var minutes: Int
    /// In person or virtual (never "either": a meeting happens one way).
    public var mode: MeetingMode
    /// A room, an address or a video link.
    public var place: String
    /// The zone the meeting was arranged in; invitations write its times in this zone.
    public var timeZone: String
    public var sequence: Int
    public var cancelled: Bool
    public var arrangedBy: Person.ID
    /// When this version was made (an invitation's `DTSTAMP`).
    public var changedAt: Date
    /// When the reminder went out; a new time clears it.
    public var remindedAt: Date?
    /// The series it belongs to, with the start it had in the series (its `RECURRENCE-ID`, kept when it moves).
    public var series: Series?
    /// The held meeting it was confirmed as, once it took place.
    public var heldAs: HeldMeeting.ID?

    /// Meetings arranged together at the programme's cadence: one calendar event that repeats.
    public struct Series: Sendable, Equatable {
        public var id: UUID
        public var occurrence: Date
        /// Creates a series membership.
        public init(id: UUID, occurrence: Date) {
            self.id = id
            self.occurrence = occurrence
        }
        /// The iCalendar UID of the whole series.
        public var uid: String { "series-\(id.uuidString.lowercased())@lodestar" }
    }

    /// Creates a meeting.
    public init(id: ID = ID(), relationshipID: Relationship.ID, startsAt: Date, minutes: Int, mode: MeetingMode, place: String, timeZone: String,
                sequence: Int = 0, cancelled: Bool = false, arrangedBy: Person.ID, changedAt: Date, remindedAt: Date? = nil,
                series: Series? = nil, heldAs: HeldMeeting.ID? = nil) {
        self.id = id
        self.relationshipID = relationshipID
        self.startsAt = startsAt
        self.minutes = minutes
        self.mode = mode
        self.place = place
        self.timeZone = timeZone
        self.sequence = sequence
        self.cancelled = cancelled
        self.arrangedBy = arrangedBy
        self.changedAt = changedAt
        self.remindedAt = remindedAt
        self.series = series
        self.heldAs = heldAs
    }

    /// Cancels it: the same event, one sequence on, so calendars that hold it drop it.
    public mutating func cancel(at now: Date) {
        cancelled = true
        sequence += 1
        changedAt = now
    }

    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(minutes * 60)) }

    /// The iCalendar UID: the same for every version and the cancellation; a series' own for its occurrences.
    public var uid: String { series?.uid ?? "meeting-\(id)@lodestar" }

    /// The event as calendars read it, among `people` (the relationship's, its mentor first).
    public func event(with people: [Person]) -> CalendarEvent {
        let organiser = people.first { $0.id == arrangedBy } ?? people[0]
        return CalendarEvent(
            uid: uid, sequence: sequence, stamp: changedAt, start: startsAt, end: endsAt,
            timeZone: TimeZone(identifier: timeZone) ?? TimeZone.gmt,
            summary: "Mentoring: \(people.map(\.name).joined(separator: " & "))",
            description: "Mentoring meeting (\(mode == .inPerson ? "in person" : "virtual")) arranged in Lodestar.",
            location: place, cancelled: cancelled,
            organizer: CalendarEvent.Attendee(name: organiser.name, email: organiser.email),
            attendees: people.map { CalendarEvent.Attendee(name: $0.name, email: $0.email) }, recurrenceID: series?.occurrence)
    }
}
