import Foundation
import LodestarCore

/// A cycle's speed-mentoring event: the planning form (managers), the schedule by round and
/// table, and the viewer's own rounds.
struct SpeedView {
    let title: String
    let heading: String
    let cycleLinks: CycleLinks
    let csrf: String
    let manager: Bool
    let crumbs: [Crumb]
    let planned: Bool
    let summary: String
    let rounds: [RoundLine]
    let tables: [TableLine]
    let mine: [MyRound]
    let participant: Bool
    let problems: [String]
    let form: FormValues
    let zone: String

    struct RoundLine { let number: Int; let time: String; let seats: [SeatLine]; let resting: String }
    struct SeatLine { let table: Int; let mentor: String; let mentee: String }
    struct TableLine { let table: Int; let mentor: String }
    struct MyRound { let round: Int; let time: String; let table: Int; let partner: String }
    struct FormValues { let date: String; let time: String; let rounds: String; let minutes: String; let pause: String; let place: String }

    init(event: SpeedEvent?, cycle: Cycle, programme: Programme, names: [Enrolment.ID: String], mine: Enrolment?, manager: Bool, zone: TimeZone,
         problems: [String], form: [String: String], csrf: String) {
        title = "Speed mentoring · \(cycle.name)"
        heading = "\(programme.name) · \(cycle.name)"
        cycleLinks = CycleLinks(cycle.id)
        self.csrf = csrf
        self.manager = manager
        crumbs = manager ? [Crumb(heading, SiteURL.cycle(.value(cycle.id)).path)] : []
        planned = event != nil
        self.zone = zone.identifier
        let clock = WallClock(zone: zone)
        if let event {
            let plan = event.plan
            summary = "\(clock.long(plan.startsAt)) (\(zone.identifier))\(plan.place.isEmpty ? "" : " · \(plan.place)") · \(plan.rounds) rounds of \(plan.minutes) minutes, \(plan.pause) between"
            let tableOf = event.tables
            tables = tableOf.sorted { $0.value < $1.value }.map { TableLine(table: $0.value, mentor: names[$0.key] ?? "?") }
            let mentees = Set(names.keys).subtracting(tableOf.keys)
            rounds = (1...event.plan.rounds).map { round in
                let seats = event.seats.filter { $0.round == round }.sorted { $0.table < $1.table }
                let seated = Set(seats.map(\.mentee))
                let resting = mentees.filter { !seated.contains($0) && names[$0] != nil }.compactMap { names[$0] }.sorted()
                return RoundLine(number: round, time: clock.time(event.start(ofRound: round)),
                                 seats: seats.map { SeatLine(table: $0.table, mentor: names[$0.mentor] ?? "?", mentee: names[$0.mentee] ?? "?") },
                                 resting: resting.joined(separator: ", "))
            }
            self.mine = mine.map { me in
                SpeedMentoring.rounds(of: me.id, in: event).map { seat in
                    MyRound(round: seat.round, time: clock.time(event.start(ofRound: seat.round)), table: seat.table,
                            partner: names[me.role == .mentor ? seat.mentee : seat.mentor] ?? "?")
                }
            } ?? []
        } else {
            summary = ""
            tables = []
            rounds = []
            self.mine = []
        }
        participant = mine != nil
        self.problems = problems
        let plan = event?.plan
        self.form = FormValues(date: form["date"] ?? plan.map { clock.date($0.startsAt) } ?? "", time: form["time"] ?? plan.map { clock.time($0.startsAt) } ?? "",
                               rounds: form["rounds"] ?? plan.map { "\($0.rounds)" } ?? "6", minutes: form["minutes"] ?? plan.map { "\($0.minutes)" } ?? "8",
                               pause: form["pause"] ?? plan.map { "\($0.pause)" } ?? "2", place: form["place"] ?? plan?.place ?? "")
    }
}
