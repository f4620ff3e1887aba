import Foundation
import MatchingSolvers

/// Speed-mentoring events: the manager plans one for a cycle of a speed programme; mentors and
/// mentees read their rounds and add them to their calendars.
public struct SpeedMentoring: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Refuses anyone but the programme's managers, before a plan's fields are read.
    public func requirePlanner(_ cycleID: Cycle.ID) async throws {
        _ = try await planner(cycleID)
    }

    /// The cycle and its programme, for one of the programme's managers.
    private func planner(_ cycleID: Cycle.ID) async throws -> (Cycle, Programme) {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "planning a speed-mentoring event")
        return (cycle, programme)
    }

    /// Plans (or re-plans) the cycle's event: seats everyone, stores it, tells each participant their rounds.
    public func plan(_ cycleID: Cycle.ID, _ plan: SpeedEvent.Plan, now: Date) async throws -> SpeedEvent {
        let (cycle, programme) = try await planner(cycleID)
        guard programme.format == .speed else {
            throw ValidationError([FieldIssue(field: "format", message: "\(programme.name) is \(programme.format.label); speed-mentoring events belong to speed programmes")])
        }
        let enrolments = try await store.allEnrolments(in: cycle.id)
        let people = try await store.people(enrolledIn: cycle.id)
        func byName(_ role: EnrolmentRole) -> [Enrolment] {
            enrolments.filter { $0.role == role }.sorted { (people[$0.personID]?.name ?? "") < (people[$1.personID]?.name ?? "") }
        }
        let mentors = byName(.mentor), mentees = byName(.mentee)
        let personOf = Dictionary(uniqueKeysWithValues: enrolments.map { ($0.id, $0.personID) })
        var issues: [FieldIssue] = []
        if mentors.isEmpty || mentees.isEmpty { issues.append(FieldIssue(field: "cycle", message: "needs mentors and mentees enrolled first")) }
        if !(1...max(1, mentors.count)).contains(plan.rounds) {
            issues.append(FieldIssue(field: "rounds", message: "\(plan.rounds) rounds: give 1 to \(max(1, mentors.count)), one per mentor at most (no pair meets twice)"))
        }
        if !(3...60).contains(plan.minutes) { issues.append(FieldIssue(field: "minutes", message: "\(plan.minutes) is not from 3 to 60 minutes a round")) }
        if !(0...30).contains(plan.pause) { issues.append(FieldIssue(field: "pause", message: "\(plan.pause) is not from 0 to 30 minutes between rounds")) }
        if plan.startsAt <= now { issues.append(FieldIssue(field: "startsAt", message: "is in the past")) }
        if TimeZone(identifier: plan.timeZone) == nil { issues.append(FieldIssue(field: "timeZone", message: "'\(plan.timeZone)' is not a time zone such as Europe/Berlin")) }
        guard issues.isEmpty else { throw ValidationError(issues) }
        // Each pair's score; a pair a hard rule excludes (a declared conflict, a reporting line…) never sits together.
        let request = try await CycleMatching(store: store).request(for: cycle.id, now: now)
        let column = Dictionary(uniqueKeysWithValues: mentors.enumerated().map { ($1.id, $0) })
        var scores: [[Int32?]] = []
        for mentee in mentees {
            var row = [Int32?](repeating: nil, count: mentors.count)
            for entry in try MatchPlanner.explainAll(mentee: mentee.id, in: request) {
                if let index = column[entry.mentor], let score = entry.explanation.score { row[index] = Int32((score.total * 10_000).rounded()) }
            }
            scores.append(row)
        }
        let schedule = try SpeedRounds.schedule(scores: scores, mentors: mentors.count, rounds: plan.rounds, tableSize: 1)
        let seats = schedule.enumerated().flatMap { round, seating in
            seating.mentorOfMentee.enumerated().compactMap { mentee, mentor in
                mentor.map { SpeedEvent.Seat(round: round + 1, table: $0 + 1, mentor: mentors[$0].id, mentee: mentees[mentee].id) }
            }
        }
        let previous = try await store.speedEvent(of: cycle.id)
        var plan = plan
        plan.place = plan.place.trimmingCharacters(in: .whitespaces)
        let event = SpeedEvent(id: previous?.id ?? SpeedEvent.ID(), cycleID: cycle.id, plan: plan, seats: seats, plannedAt: now)
        let writer = NoticeWriter(now: now, about: programme.id)
        let notices = (mentors + mentees).compactMap { enrolment -> Notice? in
            guard let person = people[enrolment.personID] else { return nil }
            let rounds = Self.rounds(of: enrolment.id, in: event).map { seat in
                (seat, personOf[enrolment.role == .mentor ? seat.mentee : seat.mentor].flatMap { people[$0]?.name } ?? "?")
            }
            return writer.speedRounds(event, cycle: cycle, programme: programme, to: person, rounds: rounds)
        }
        try await store.inTransaction { tx in
            try await tx.save(event)
            for notice in notices { try await tx.save(notice) }
        }
        return event
    }

    /// The cycle's event: for its managers, and for the cycle's participants.
    public func event(_ cycleID: Cycle.ID) async throws -> SpeedEvent? {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        if !principal.manages(programme.id) && !principal.enrolments.contains(where: { $0.enrolment.cycleID == cycle.id }) {
            throw AccessDenied("A speed-mentoring event is seen by its programme's managers and the cycle's participants.")
        }
        return try await store.speedEvent(of: cycle.id)
    }

    /// The event's page: the event (if planned), its cycle and programme, and the name of each
    /// participant by enrolment.
    public struct Page: Sendable {
        public let event: SpeedEvent?
        public let cycle: Cycle
        public let programme: Programme
        public let names: [Enrolment.ID: String]
    }

    /// Reads the event's page, for the programme's managers and the cycle's participants.
    public func page(_ cycleID: Cycle.ID) async throws -> Page {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        let event = try await event(cycleID)
        let people = try await store.people(enrolledIn: cycleID).mapValues(\.name)
        let names = Dictionary(uniqueKeysWithValues: try await store.allEnrolments(in: cycleID).map { ($0.id, people[$0.personID] ?? "?") })
        return Page(event: event, cycle: cycle, programme: programme, names: names)
    }

    /// The principal's rounds as an `.ics` (one event per round they sit).
    public func calendar(_ cycleID: Cycle.ID) async throws -> String {
        guard let event = try await event(cycleID) else { throw NotFound("speed-mentoring event of cycle", cycleID) }
        guard let person = principal.person, let mine = principal.enrolments.first(where: { $0.enrolment.cycleID == cycleID })?.enrolment else {
            throw AccessDenied("The calendar of a speed-mentoring event is its participants' own.")
        }
        let enrolments = Dictionary(uniqueKeysWithValues: try await store.allEnrolments(in: cycleID).map { ($0.id, $0) })
        let zone = TimeZone(identifier: event.plan.timeZone) ?? .gmt
        var events: [CalendarEvent] = []
        for seat in Self.rounds(of: mine.id, in: event) {
            guard let partnerEnrolment = enrolments[mine.role == .mentor ? seat.mentee : seat.mentor],
                  let partner = try await store.person(partnerEnrolment.personID) else { continue }
            let start = event.start(ofRound: seat.round)
            events.append(CalendarEvent(
                uid: "speed-\(event.id)-round-\(seat.round)-\(person.id)@lodestar", sequence: 0, stamp: event.plannedAt, start: start,
                end: start.addingTimeInterval(TimeInterval(event.plan.minutes * 60)), timeZone: zone,
                summary: "Speed mentoring, round \(seat.round): table \(seat.table) with \(partner.name)",
                description: "\(event.plan.minutes)-minute conversation; move on when the round ends.", location: event.plan.place, cancelled: false,
                organizer: .init(name: "Lodestar", email: "no-reply@lodestar.invalid"),
                attendees: [.init(name: person.name, email: person.email), .init(name: partner.name, email: partner.email)]))
        }
        return ICalendar.document(events, method: .publish, name: "Speed mentoring")
    }

    /// One participant's seats, by round.
    public static func rounds(of enrolment: Enrolment.ID, in event: SpeedEvent) -> [SpeedEvent.Seat] {
        event.seats.filter { $0.mentor == enrolment || $0.mentee == enrolment }.sorted { $0.round < $1.round }
    }

}
