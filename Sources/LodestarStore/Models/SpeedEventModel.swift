import FluentKit
import Foundation
import LodestarCore

final class SpeedEventModel: Model, @unchecked Sendable {
    static let schema = "speed_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "rounds") var rounds: Int
    @Field(key: "minutes") var minutes: Int
    @Field(key: "pause") var pause: Int
    @Field(key: "place") var place: String
    @Field(key: "time_zone") var timeZone: String
    /// One JSON document (PostgreSQL would take a bare Swift array for an array column).
    @Field(key: "seats") var seats: Seats
    @Field(key: "planned_at") var plannedAt: Date

    struct Seats: Codable {
        var items: [SpeedEvent.Seat]
    }

    init() {}

    func update(from event: SpeedEvent) {
        id = event.id.uuid
        cycleID = event.cycleID.uuid
        startsAt = event.plan.startsAt
        rounds = event.plan.rounds
        minutes = event.plan.minutes
        pause = event.plan.pause
        place = event.plan.place
        timeZone = event.plan.timeZone
        seats = Seats(items: event.seats)
        plannedAt = event.plannedAt
    }

    var domain: SpeedEvent {
        SpeedEvent(id: SpeedEvent.ID(id!), cycleID: Cycle.ID(cycleID),
                   plan: .init(startsAt: startsAt, rounds: rounds, minutes: minutes, pause: pause, place: place, timeZone: timeZone),
                   seats: seats.items, plannedAt: plannedAt)
    }
}
