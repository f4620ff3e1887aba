import Foundation

extension NoticeWriter {
    /// To a programme's manager: a participant says their pairing is not a fit.
    func poorFit(to email: String, reported who: String, pair names: [String], pairing: SiteURL) -> Notice {
        notice(to: email, "A pairing is not a fit: \(names.joined(separator: " and "))", """
            \(who) answered the fit check after a meeting: the pairing of \(names.joined(separator: " and ")) is not a fit.
            You can end the relationship early and pair the mentee with another mentor by hand (the same mentor is not proposed again):

            \(link(pairing))

            """)
    }

    /// To a mentee whose pairing was called not a fit: a new match is possible.
    func rematchOffered(_ person: Person) -> Notice {
        notice(to: person, "Your programme manager can match you again", """
            After the fit check, your programme manager knows that this pairing is not working. They can end it well and match you
            with another mentor in this cycle; expect to hear from them soon. What you wrote in your workspace stays yours.

            """)
    }

    /// To each person of a relationship once a meeting is logged: how did it go?
    func pulseAsked(_ person: Person, heldOn: Date, workspace: SiteURL) -> Notice {
        notice(to: person, "How was your mentoring meeting of \(person.day(heldOn))?", """
            A meeting of \(person.day(heldOn)) was logged in your workspace. How did it go for you? Rate it from 1 (poor) to 5 (excellent)
            in the workspace, with a comment if you like — your comment stays yours unless you choose to share it with your programme manager.

            \(link(workspace))

            """)
    }

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

extension NoticeWriter {
    /// To a mentor whose relationship has had no meeting in twice the cadence: the mentor sets the pace.
    func mentorNudge(_ pair: RelationshipWorkspace.Oversight, to mentor: Person, mentees: [Person], cadence: MeetingCadence) -> Notice {
        let days = Int(now.timeIntervalSince(pair.lastMeeting ?? pair.relationship.startedAt) / 86400)
        return notice(to: mentor, "\(mentees.names) is waiting to hear from you", """
            \(pair.lastMeeting == nil ? "No meeting has been logged in the \(days) days since you were matched with \(mentees.names)"
                                      : "You last met \(mentees.names) \(days) days ago"), twice the \(cadence.rawValue) rhythm you agreed.
            As the mentor you set the pace: propose a time (Lodestar suggests some that suit you both), or, if something changed, tell \(mentees.names) and your programme manager.

            \(link(.relationship(.value(pair.relationship.id))))

            """)
    }

    /// To a mentor a mentee's request has been waiting on for a while.
    func requestWaiting(to mentor: Person, from mentee: Person, until deadline: Date?) -> Notice {
        notice(to: mentor, "\(mentee.name) is still waiting for your answer", """
            \(mentee.name) asked you to be their mentor and is waiting for your answer. Accept, or decline with a reason, by \(deadline.map(mentor.moment) ?? "soon"); after that the request passes to their next choice.

            \(link(.requests))

            """)
    }
}

extension NoticeWriter {
    /// To the others of a relationship when one of them arranges a series of meetings.
    func seriesArranged(_ first: ScheduledMeeting, count: Int, cadence: MeetingCadence, by author: Person, to other: Person) -> Notice {
        let (when, zone) = Self.meetingTime(first.startsAt, for: other, fallback: first.timeZone)
        let invitation = first.series.map { link(.meetingSeries(.value(first.relationshipID), .value($0.id.uuidString.lowercased()))) } ?? ""
        return notice(to: other, "\(count) mentoring meetings arranged, \(cadence.rawValue), from \(when)", """
            \(author.name) arranged \(count) mentoring meetings, \(cadence.rawValue), the first on \(when) (\(zone.identifier)), \(first.minutes) minutes each, \
            \(first.mode == .inPerson ? "in person" : "virtual")\(first.place.isEmpty ? "" : " — \(first.place)").
            Each can be moved or cancelled on its own in your workspace. Add the whole series to your calendar: \(invitation)

            """)
    }
}
