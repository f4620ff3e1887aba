import Foundation

/// A certificate of completion (PRODUCT.md M16): issued to a mentor or mentee for a closed cycle
/// whose conditions they met, under a code that is also its verification address.
public struct Certificate: Sendable, Equatable {
    /// Sixteen random letters and digits: hard to guess, easy to read out.
    public let code: String
    public let personID: Person.ID
    public let cycleID: Cycle.ID
    public let role: EnrolmentRole
    public let issuedAt: Date

    /// Creates a certificate.
    public init(code: String = Certificate.newCode(), personID: Person.ID, cycleID: Cycle.ID, role: EnrolmentRole, issuedAt: Date) {
        self.code = code
        self.personID = personID
        self.cycleID = cycleID
        self.role = role
        self.issuedAt = issuedAt
    }

    /// A new code, from the system's random source.
    public static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return newCode(using: &generator)
    }

    /// A code drawn from `generator` (the demo's, so the same demo has the same codes).
    static func newCode(using generator: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// True for text shaped like a code, before any lookup.
    public static func isCode(_ text: String) -> Bool {
        text.count == 16 && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    /// The fewest held meetings a certificate asks: half of what the cadence plans over the
    /// programme's length, and at least three.
    public static func minimumMeetings(for programme: Programme) -> Int {
        let weeks = max(1, min(programme.durationWeeks, 520))
        let planned = weeks * 7 / max(1, programme.cadence.days)
        return max(3, planned / 2)
    }
}

/// Where a participant stands with the certificate of one cycle: issued, or what is missing.
public struct CertificateStatus: Sendable {
    public let cycle: Cycle
    public let programme: Programme
    public let role: EnrolmentRole
    public let certificate: Certificate?
    /// Conditions not met yet, in words; empty when one may be issued.
    public let missing: [String]
}

/// A certificate with whom and what it is for, as its verification page shows it.
public struct CertificateReading: Sendable {
    public let certificate: Certificate
    public let person: Person
    public let cycle: Cycle
    public let programme: Programme
}
