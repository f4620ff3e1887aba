import Foundation
import LodestarCore

/// The workspace page of one participant.
struct WorkspaceView {
    let title: String
    let links: RelationshipLinks
    let heading: String
    /// Who the others are.
    let partner: String
    /// "you both" or "you all".
    let together: String
    /// Whom a shared note reaches: "your partner", "the group", "the circle".
    let sharedWith: String
    /// Members who left the group, when and why.
    let leavers: [String]
    /// Where the mentee's competencies are rated: their own for a mentee, each mentee's for the mentor.
    let growth: [Crumb]
    /// "End the relationship", or for a group's member "Leave the group".
    let endLabel: String
    /// Whom a new action can go to: the viewer, or one of the others.
    let owners: [Choice]
    /// What the format means for this pair (reverse, distance), when it says something.
    let formatNote: String?
    let csrf: String
    let hasAgreement: Bool
    let agreement: [Term]
    let version: Int
    let signatures: String
    let mayISign: Bool
    let signProblem: String?
    /// The edit form: current terms, or what was typed when a field was refused.
    let editTerms: [Field]
    let history: [String]
    let meetings: [Meeting]
    let hours: String
    /// After one's own "not a fit", while the relationship is open: what happens next.
    let notAFit: String?
    let meetingProblems: [String]
    let pulseProblems: [String]
    let notes: [NoteLine]
    let noteProblem: String?
    let goals: GoalLines
    let story: StoryForm
    /// Whom kudos can go to: the others still in the relationship.
    let thankable: [Choice]
    let kudosProblem: String?
    /// Set once the relationship has ended: when and why.
    let ended: String?
    let isOpen: Bool
    let zone: String
    let arranged: [Arranged]
    let suggestions: [Suggestion]
    let arrange: ArrangeForm
    let arrangeProblems: [String]
    let endProblem: String?
    /// A change refused because the relationship has ended.
    let endedProblem: String?

    struct Term { let label: String; let text: String }
    struct Field { let key: String; let label: String; let value: String; let problem: String? }
    struct Meeting { let day: String; let minutes: Int; let mode: String; let pulseHref: String; let myPulse: String?; let asks: Bool; let asksFit: Bool }
    struct NoteLine { let text: String; let byline: String; let privacy: String }
    struct Choice { let value: String; let label: String }
    struct Arranged {
        let href: String
        let cancelHref: String
        let invitationHref: String
        let when: String
        let minutes: Int
        let mode: String
        let place: String
        let cancelled: Bool
        let upcoming: Bool
        /// The whole series' invitation, for an occurrence of one.
        let seriesHref: String?
        let held: Bool
        /// Confirming a meeting that has taken place as held, in one click.
        let confirmHref: String?
        /// The move form's values, in the viewer's zone.
        let date: String
        let time: String
        let virtual: Bool
    }
    struct Suggestion { let label: String; let arrangeHref: String }
    struct ArrangeForm {
        let date: String; let time: String; let minutes: String; let place: String; let virtual: Bool
        /// Once, or a series of meetings at the programme's cadence.
        let repeats: [Repeat]
    }
    struct Repeat { let value: String; let label: String; let selected: Bool }

    init(_ contents: RelationshipWorkspace.Contents, suggestions: [Date], zone: TimeZone, now: Date,
         problems: [String: String], form: [String: String], csrf: String) {
        let people = contents.people, me = contents.me, relationship = contents.relationship
        // Open to change: not ended, not left, its cycle not closed.
        let open = relationship.endedAt == nil && !contents.left && contents.completedIn == nil
        let mentor = people.mentor, others = people.others(than: me)
        func described(_ them: [Person]) -> String { them.map { "\($0.name) (\($0.title), \($0.department))" }.joined(separator: " · ") }
        title = "Mentoring · " + people.current.map(\.name).joined(separator: " & ")
        links = RelationshipLinks(relationship.id)
        switch contents.shape {
        case .pair:
            heading = contents.asMentor ? "Mentoring \(people.mentee.name)" : "Mentored by \(mentor.name)"
            partner = contents.asMentor ? "\(people.mentee.title), \(people.mentee.department)" : "\(mentor.title), \(mentor.department)"
        case .group:
            heading = contents.asMentor ? "Your mentoring group of \(relationship.currentMembers.count)" : "Group mentored by \(mentor.name)"
            partner = "With " + described(others)
        case .circle:
            heading = "Peer circle of \(people.current.count)"
            partner = "With " + described(others) + (contents.asMentor ? ". You convene the circle." : ". \(mentor.name) convenes the circle.")
        }
        together = others.count == 1 ? "you both" : "you all"
        sharedWith = contents.shape == .pair ? "your partner" : contents.shape == .group ? "the group" : "the circle"
        leavers = zip(relationship.members, people.members).compactMap { member, person in
            member.leftAt.map { "\(person.name) left the group on \($0.formatted(date: .abbreviated, time: .omitted))\(member.leaveReason.map { ": " + $0 } ?? "")" }
        }
        growth = zip(relationship.members, people.members).compactMap { member, person in
            guard member.leftAt == nil, contents.asMentor || person.id == me else { return nil }
            return Crumb(person.id == me ? "Your growth" : "Rate \(person.name)'s growth", SiteURL.growth(.value(member.enrolment)).path)
        }
        endLabel = relationship.endingLeaves(for: me) ? "Leave the group" : "End the relationship"
        switch contents.format {
        case .reverse:
            formatNote = contents.asMentor
                ? "Reverse mentoring: you bring your perspective to a more senior colleague, who learns from you."
                : "Reverse mentoring: a more junior colleague mentors you; the learning runs your way."
        case .distance:
            formatNote = "Distance mentoring: you meet virtually; " + others.map { "\($0.name) is in \($0.timeZone)" }.joined(separator: ", ")
                + ", and times below are shown in every zone."
        default:
            formatNote = nil
        }
        self.csrf = csrf
        let current = contents.agreement
        hasAgreement = current != nil
        agreement = current.map { agreement in Agreement.Terms.fields.map { Term(label: $0.label, text: agreement.terms.values[$0.key] ?? "") } } ?? []
        version = current?.version ?? 0
        signatures = current.map { agreement in
            people.current.map { person in
                agreement.signatures[person.id].map { "\(person.name) signed \($0.formatted(date: .abbreviated, time: .omitted))" } ?? "\(person.name) has not signed"
            }.joined(separator: " · ")
        } ?? ""
        mayISign = !contents.left && current.map { $0.signatures[me] == nil } ?? false
        signProblem = problems["version"] ?? problems["agreement"]
        // What was typed only when the agreement's own form was refused.
        let values = form["expectations"] == nil ? current?.terms.values ?? [:] : form
        editTerms = Agreement.Terms.fields.map { Field(key: $0.key, label: $0.label, value: values[$0.key] ?? "", problem: problems[$0.key]) }
        let names = Dictionary(people.everyone.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let signedByAll = others.count == 1 ? " — signed by both" : " — signed by all"
        history = contents.agreements.reversed().map {
            "Version \($0.version), written by \(names[$0.editedBy] ?? "?") on \($0.editedAt.formatted(date: .abbreviated, time: .shortened))" + ($0.isSigned(in: relationship) ? signedByAll : "")
        }
        meetings = contents.meetings.map { meeting in
            let mine = contents.myPulses[meeting.id]
            return Meeting(day: meeting.heldOn.formatted(date: .abbreviated, time: .omitted), minutes: meeting.minutes, mode: meeting.mode.rawValue,
                           pulseHref: SiteURL.pulse(.value(contents.relationship.id), .value(meeting.id)).path,
                           myPulse: mine.map { "your pulse: \($0.rating) of 5" + ($0.comment.isEmpty ? "" : $0.commentShared ? ", comment shared with your programme manager" : ", comment kept to yourself")
                                + ($0.fit.map { "; the pairing: \($0.words)" } ?? "") },
                           asks: mine == nil && open, asksFit: contents.asksFit)
        }
        hours = Double.hours(minutes: contents.minutes)
        let myFit = contents.myPulses.values.filter { $0.fit != nil }.max { $0.givenAt < $1.givenAt }?.fit
        notAFit = myFit == .poor && open
            ? "You said this pairing is not a fit. Your programme manager has been told; they can end it well and match "
              + (me == relationship.mentorPerson ? "your mentee" : "you") + " with another mentor in this cycle — never the same one again."
            : nil
        meetingProblems = ["heldOn", "minutes"].compactMap { problems[$0] }
        pulseProblems = ["rating", "comment", "fit"].compactMap { problems[$0] }
        notes = contents.notes.map { note in
            NoteLine(text: note.text, byline: "\(names[note.author] ?? "?"), \(note.writtenAt.formatted(date: .abbreviated, time: .shortened))",
                     privacy: note.author != me ? "shared with you" : note.shared ? "shared" : "private")
        }
        noteProblem = problems["text"]
        story = StoryForm(contents, problems: problems, form: form)
        thankable = others.map { Choice(value: $0.id.description, label: $0.name) }
        kudosProblem = ["to", "message"].compactMap { problems[$0] }.first
        goals = GoalLines(contents, relationshipOpen: open, names: names, now: now, problems: problems, form: form)
        owners = [Choice(value: "me", label: "me")] + others.map { Choice(value: $0.id.description, label: $0.name) }
        ended = relationship.endedAt.map { "This relationship ended on \($0.formatted(date: .long, time: .omitted)): \(relationship.endReason ?? "")" }
            ?? contents.completedIn.map { "This mentoring is complete: \($0) has closed. The workspace stays for you to read, and your story can still be told." }
            ?? relationship.member(me)?.leftAt.map { "You left this group on \($0.formatted(date: .long, time: .omitted)); it is kept for you to read." }
        isOpen = open
        self.zone = zone.identifier
        let clock = WallClock(zone: zone)
        // Times read in the others' zones too when they are apart from the viewer's.
        let both = { (date: Date) in
            let apart = others.compactMap { other -> String? in
                let theirs = TimeZone(identifier: other.timeZone) ?? zone
                return theirs.secondsFromGMT(for: date) != zone.secondsFromGMT(for: date) ? "\(WallClock(zone: theirs).time(date)) for \(other.name)" : nil
            }
            return clock.long(date) + (apart.isEmpty ? "" : " (" + apart.joined(separator: ", ") + ")")
        }
        arranged = contents.scheduled.map { meeting in
            Arranged(href: SiteURL.meeting(.value(relationship.id), .value(meeting.id)).path, cancelHref: SiteURL.meeting(.value(relationship.id), .value(meeting.id), .cancel).path,
                     invitationHref: SiteURL.meeting(.value(relationship.id), .value(meeting.id), .invitation).path, when: both(meeting.startsAt), minutes: meeting.minutes,
                     mode: meeting.mode == .inPerson ? "in person" : "virtual", place: meeting.place, cancelled: meeting.cancelled,
                     upcoming: !meeting.cancelled && meeting.startsAt > now,
                     seriesHref: meeting.series.map { SiteURL.meetingSeries(.value(relationship.id), .value($0.id.uuidString.lowercased())).path },
                     held: meeting.heldAs != nil,
                     confirmHref: !meeting.cancelled && meeting.heldAs == nil && meeting.startsAt <= now
                        ? SiteURL.meeting(.value(relationship.id), .value(meeting.id), .held).path : nil,
                     date: clock.date(meeting.startsAt), time: clock.time(meeting.startsAt),
                     virtual: meeting.mode != .inPerson)
        }
        self.suggestions = suggestions.map { date in
            Suggestion(label: both(date), arrangeHref: SiteURL.relationship(.value(relationship.id)).with([URLQueryItem(name: "date", value: clock.date(date)), URLQueryItem(name: "time", value: clock.time(date))]) + "#arrange")
        }
        let arranging = form["date"] != nil || form["minutes"] != nil
        let count = arranging ? form["count"] ?? "1" : "1"
        arrange = ArrangeForm(date: form["date"] ?? "", time: form["time"] ?? "", minutes: arranging ? form["minutes"] ?? "60" : "60",
                              place: arranging ? form["place"] ?? "" : "", virtual: form["mode"] != "in-person",
                              repeats: [1, 3, 6, 12].map { Repeat(value: String($0), label: $0 == 1 ? "once" : "\($0) meetings, \(contents.cadence.rawValue)", selected: String($0) == count) })
        arrangeProblems = ["startsAt", "minutes", "mode", "timeZone", "place", "meeting", "count"].compactMap { field in problems[field].map { "\(field): \($0)" } }
        endProblem = problems["reason"]
        endedProblem = problems["relationship"]
    }
}

/// Dates as a person reads them in their own zone, and as a form's date and time fields hold them.
struct WallClock {
    let zone: TimeZone

    func long(_ date: Date) -> String { date.formatted(Date.FormatStyle(date: .complete, time: .shortened, timeZone: zone)) }

    func date(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    func time(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
