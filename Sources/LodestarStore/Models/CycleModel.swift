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
    @OptionalField(key: "starts_on") var startsOn: Date?

    init() {}

    init(_ cycle: Cycle) { update(from: cycle) }

    func update(from cycle: Cycle) {
        id = cycle.id.uuid
        programmeID = cycle.programmeID.uuid
        number = cycle.number
        name = cycle.name
        state = cycle.state.rawValue
        startsOn = cycle.startsOn
    }

    func domain() throws -> Cycle {
        Cycle(id: Cycle.ID(id!), programmeID: Programme.ID(programmeID), number: number, name: name,
              state: try StoredValue.decode(state, as: CycleState.self, column: "cycles.state"), startsOn: startsOn)
    }
}
