import Foundation

/// A token an integration sends as `Authorization: Bearer …`: shown once, stored as a digest.
public struct ApiToken: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<ApiToken>

    /// What a token may do.
    public enum Scope: String, Sendable, CaseIterable, Codable {
        /// Reads only.
        case read
        /// Reads and writes.
        case write
    }

    public var id: ID
    public var name: String
    public var digest: String
    public var scope: Scope
    /// The admin who created it; the token acts with that account's rights, within its scope.
    public var createdBy: Account.ID
    public var createdAt: Date
    public var revokedAt: Date?

    /// Creates a token record.
    public init(id: ID = ID(), name: String, digest: String, scope: Scope, createdBy: Account.ID, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.digest = digest
        self.scope = scope
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
