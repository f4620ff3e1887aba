import Foundation

/// Uploaded CSV files waiting for their uploader's confirmation, and the record of confirmed ones.
public protocol ImportRepository: Sendable {
    func save(_ upload: PendingImport) async throws
    func pendingImport(_ id: PendingImport.ID) async throws -> PendingImport?
    /// Marks the upload confirmed with what it did, and drops its text; false when it was
    /// confirmed already (by a second click or another server).
    func confirm(_ id: PendingImport.ID, result: ImportSummary, at: Date) async throws -> Bool
    func deletePendingImport(_ id: PendingImport.ID) async throws
    /// Removes the unconfirmed uploads made before `date`.
    func deleteUnconfirmedImports(before date: Date) async throws
}
