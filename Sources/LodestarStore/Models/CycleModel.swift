import FluentKit
import Foundation
import LodestarCore

final class CycleModel: Model, @unchecked Sendable {
    static let schema = "cycles"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "name") var name: String
    @Field(key: "state") var state: String
    @OptionalField(key: "applications_close_on") var applicationsCloseOn: Date?
    @OptionalField(key: "matching_on") var matchingOn: Date?
    @OptionalField(key: "starts_on") var startsOn: Date?
    @OptionalField(key: "ends_on") var endsOn: Date?
    @OptionalField(key: "priority_effect") var priorityEffect: PriorityEffect?

    init() {}

    init(_ cycle: Cycle) { update(from: cycle) }

    func update(from cycle: Cycle) {
        id = cycle.id.uuid
        programmeID = cycle.programmeID.uuid
        number = cycle.number
        name = cycle.name
        state = cycle.state.rawValue
        applicationsCloseOn = cycle.dates.applicationsClose
        matchingOn = cycle.dates.matching
        startsOn = cycle.dates.start
        endsOn = cycle.dates.end
        priorityEffect = cycle.priorityEffect
    }

    func domain() throws -> Cycle {
        Cycle(id: Cycle.ID(id!), programmeID: Programme.ID(programmeID), number: number, name: name,
              state: try StoredValue.decode(state, as: CycleState.self, column: "cycles.state"),
              dates: CycleDates(applicationsClose: applicationsCloseOn, matching: matchingOn, start: startsOn, end: endsOn),
              priorityEffect: priorityEffect)
    }
}
