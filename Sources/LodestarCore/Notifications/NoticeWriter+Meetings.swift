import Foundation

extension NoticeWriter {
    /// A day before a meeting, to each of its participants.
    func reminder(_ meeting: ScheduledMeeting, to person: Person, with others: [Person]) -> Notice {
        let (when, zone) = Self.meetingTime(meeting.startsAt, for: person)
        return notice(to: person, "Reminder: mentoring with \(others.names), \(when)", """
            You meet \(others.names) on \(when) (\(zone.identifier)) for \(meeting.minutes) minutes, \
            \(meeting.mode == .inPerson ? "in person" : "virtually")\(meeting.place.isEmpty ? "" : " — \(meeting.place)").
            Your goals and shared notes are in your workspace: \(link(.relationship(.value(meeting.relationshipID))))

            """)
    }

    /// To a pair whose meetings lag behind their cadence, or whose goals are overdue.
    func nudge(_ pair: RelationshipWorkspace.Oversight, to person: Person, with others: [Person], cadence: MeetingCadence) -> Notice {
        var reasons: [String] = []
        if let last = pair.lastMeeting {
            reasons.append("you last met \(Int(now.timeIntervalSince(last) / 86400)) days ago and agreed to meet \(cadence.rawValue)")
        } else {
            reasons.append("you have not logged a meeting since you were matched \(Int(now.timeIntervalSince(pair.relationship.startedAt) / 86400)) days ago")
        }
        let overdue = pair.overdueGoals
        if overdue > 0 { reasons.append("\(overdue) goal\(overdue == 1 ? " is" : "s are") past \(overdue == 1 ? "its" : "their") date") }
        return notice(to: person, "Time to meet \(others.names)?", """
            Your mentoring with \(others.names) \(pair.health == .atRisk ? "is at risk" : "needs attention"): \(reasons.joined(separator: ", and ")).
            Arrange your next meeting (Lodestar suggests times that suit everyone): \(link(.relationship(.value(pair.relationship.id))))

            """)
    }

    /// To the others in a relationship when one of them arranges, moves or cancels a meeting;
    /// `outside` when the time lies outside the recipient's weekly free time.
    func meetingChanged(_ meeting: ScheduledMeeting, _ change: String, by author: Person, to other: Person, outside: Bool) -> Notice {
        let (when, zone) = Self.meetingTime(meeting.startsAt, for: other, fallback: meeting.timeZone)
        return notice(to: other, "Mentoring meeting \(change): \(when)", """
            \(author.name) \(change) your mentoring meeting on \(when) (\(zone.identifier)), \(meeting.minutes) minutes, \
            \(meeting.mode == .inPerson ? "in person" : "virtual")\(meeting.place.isEmpty ? "" : " — \(meeting.place)").
            \(outside ? "It lies outside the free time in your mentoring profile; tell \(author.name) if it does not suit you.\n" : "")\
            Add it to your calendar: \(link(.meeting(.value(meeting.relationshipID), .value(meeting.id), .invitation)))

            """)
    }

    /// A participant's rounds at a speed-mentoring event, in their own zone (else the event's).
    func speedRounds(_ event: SpeedEvent, cycle: Cycle, programme: Programme, to person: Person, rounds: [(seat: SpeedEvent.Seat, partner: String)]) -> Notice {
        let plan = event.plan
        let zone = person.zone(orElse: plan.timeZone)
        let lines = rounds.map { round in
            "Round \(round.seat.round), \(event.start(ofRound: round.seat.round).formatted(Date.FormatStyle(date: .omitted, time: .shortened, timeZone: zone))): table \(round.seat.table) with \(round.partner)"
        }
        return notice(to: person, "Speed mentoring in \(programme.name): your rounds", """
            The speed-mentoring event of \(cycle.name) starts \(plan.startsAt.formatted(Date.FormatStyle(date: .complete, time: .shortened, timeZone: zone))) (\(zone.identifier))\(plan.place.isEmpty ? "" : " at \(plan.place)"): \(plan.rounds) rounds of \(plan.minutes) minutes.
            \(lines.isEmpty ? "You sit out every round this time." : lines.joined(separator: "\n"))
            Your calendar file is on the event page in Lodestar.

            """)
    }
}
