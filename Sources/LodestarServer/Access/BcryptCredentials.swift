import Crypto
import Foundation
import HummingbirdBcrypt
import LodestarCore

/// Passwords hashed with bcrypt, tokens digested with SHA-256, tokens drawn from the system's
/// secure random source.
public struct BcryptCredentials: Credentials {
    /// bcrypt's work factor: 12 in production; the tests use the minimum, 4.
    let cost: UInt8

    /// Credentials hashing passwords at bcrypt cost `cost`.
    public init(cost: UInt8 = 12) { self.cost = cost }

    public func hash(password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(password: String, against hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    public func digest(token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }

    public func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
