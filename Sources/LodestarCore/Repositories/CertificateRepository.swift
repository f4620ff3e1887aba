import Foundation

/// Certificates of completion.
public protocol CertificateRepository: Sendable {
    /// A person's certificates.
    func certificates(of person: Person.ID) async throws -> [Certificate]
    /// The certificate with this code, if any.
    func certificate(code: String) async throws -> Certificate?
    /// Stores a certificate unless the person has one for that cycle already.
    func save(_ certificate: Certificate) async throws
}
