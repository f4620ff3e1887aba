import Foundation

/// A link sent by email that works once and expires: an invitation to set a first password, or
/// a password reset. Only the token's digest is stored.
public struct OneTimeLink: Sendable, Equatable {
    /// What the link is for.
    public enum Purpose: String, Sendable, Codable {
        case invitation
        case passwordReset = "password-reset"

        /// How long a link of this kind stays valid.
        public var lifetime: TimeInterval { self == .invitation ? 7 * 86400 : 3600 }
    }

    public var digest: String
    public var accountID: Account.ID
    public var purpose: Purpose
    public var expiresAt: Date
    public var usedAt: Date?

    /// Creates a link record.
    public init(digest: String, accountID: Account.ID, purpose: Purpose, expiresAt: Date, usedAt: Date? = nil) {
        self.digest = digest
        self.accountID = accountID
        self.purpose = purpose
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

/// Why a one-time link was refused, in words for the page.
public enum LinkRefused: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown, used, expired

    public var description: String {
        switch self {
        case .unknown: "This link is not valid. Check that the whole address was copied, or ask for a new one."
        case .used: "This link has already been used. Sign in, or ask for a new link if you have forgotten your password."
        case .expired: "This link has expired. Ask for a new one."
        }
    }
}
