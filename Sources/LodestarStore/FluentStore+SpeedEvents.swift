import FluentKit
import Foundation
import LodestarCore

extension FluentStore {
    public func speedEvent(of cycle: Cycle.ID) async throws -> SpeedEvent? {
        try await SpeedEventModel.query(on: db).filter(\.$cycleID == cycle.uuid).first()?.domain
    }

    public func save(_ event: SpeedEvent) async throws {
        try await upsert(SpeedEventModel.self, id: event.id.uuid) { $0.update(from: event) }
    }
}
