import Foundation

/// A speed-mentoring event (PRODUCT.md, the speed format): R rounds of M minutes; every mentor
/// keeps a table, mentees move from table to table, and no pair meets twice. The seating
/// (`SpeedRounds`: each round an exact assignment, sit-outs rotating) is computed once and
/// stored, so the printed schedule and everyone's calendar agree.
public struct SpeedEvent: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<SpeedEvent>

    public var id: ID
    public var cycleID: Cycle.ID
    /// When, where, how many rounds of how long.
    public var plan: Plan
    public var seats: [Seat]
    public var plannedAt: Date

    /// What the manager decides: the start, R rounds of M minutes with a pause between, the place.
    public struct Plan: Sendable, Equatable {
        public var startsAt: Date
        public var rounds: Int
        public var minutes: Int
        /// Minutes between rounds, to change tables.
        public var pause: Int
        public var place: String
        /// The zone the start was given in.
        public var timeZone: String
        /// Creates a plan.
        public init(startsAt: Date, rounds: Int, minutes: Int, pause: Int, place: String, timeZone: String) {
            self.startsAt = startsAt
            self.rounds = rounds
            self.minutes = minutes
            self.pause = pause
            self.place = place
            self.timeZone = timeZone
        }
    }

    /// One conversation: in a round, at a table, a mentor and a mentee.
    public struct Seat: Sendable, Equatable, Codable {
        public var round: Int
        public var table: Int
        public var mentor: Enrolment.ID
        public var mentee: Enrolment.ID
        /// Creates a seat.
        public init(round: Int, table: Int, mentor: Enrolment.ID, mentee: Enrolment.ID) {
            self.round = round
            self.table = table
            self.mentor = mentor
            self.mentee = mentee
        }
    }

    /// Creates an event.
    public init(id: ID = ID(), cycleID: Cycle.ID, plan: Plan, seats: [Seat], plannedAt: Date) {
        self.id = id
        self.cycleID = cycleID
        self.plan = plan
        self.seats = seats
        self.plannedAt = plannedAt
    }

    /// When a round begins (1-based).
    public func start(ofRound round: Int) -> Date {
        plan.startsAt.addingTimeInterval(TimeInterval((round - 1) * (plan.minutes + plan.pause) * 60))
    }

    /// The mentors' tables, numbered from 1 in the seating's order.
    public var tables: [Enrolment.ID: Int] {
        Dictionary(seats.map { ($0.mentor, $0.table) }, uniquingKeysWith: { first, _ in first })
    }
}
