import FluentKit
import LodestarCore

extension FluentStore {
    public func conflicts() async throws -> [ConflictOfInterest] {
        try await ConflictModel.query(on: db).all().map(\.domain)
    }

    public func save(_ conflict: ConflictOfInterest) async throws {
        try await ConflictModel(conflict).create(on: db)
    }

    public func delete(_ conflict: ConflictOfInterest.ID) async throws -> Bool {
        guard let row = try await ConflictModel.find(conflict.uuid, on: db) else { return false }
        try await row.delete(on: db)
        return true
    }
}
