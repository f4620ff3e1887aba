import Foundation
import Hummingbird
import LodestarCore

/// Certificates in the browser: a participant takes theirs from the home page; its page — open
/// to anyone with its code, which is how it is verified — prints cleanly and downloads as PDF.
struct CertificatePages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let publicURL: String

    func register(on router: Router<LodestarContext>) {
        router.post(.cycle(.key, .certificate)) { _, context in
            let certificate = try await Certificates(store: store, principal: try context.signedIn()).issue(for: try context.parameters.id(of: "cycle"), now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.certificate(.value(certificate.code)).path])
        }
        router.get(.certificate(.key)) { _, context in
            let code = context.parameters.get("code") ?? ""
            guard let reading = try await Certificates.verify(code, in: store) else {
                throw NotFound("certificate with the code", code)
            }
            return pages.render(.certificate, CertificateView(reading, address: address(of: code)), for: context)
        }
        router.get(.certificate(.key, .pdf)) { _, context in
            let code = context.parameters.get("code") ?? ""
            guard let reading = try await Certificates.verify(code, in: store) else { throw NotFound("certificate with the code", code) }
            let pdf = CertificatePDF.document(reading, verification: address(of: code))
            return Response.pdf(pdf, named: "certificate-\(code).pdf")
        }
    }

    /// The certificate's verification address, under the server's public address.
    private func address(of code: String) -> String { SiteURL.certificate(.value(code)).address(under: publicURL) }
}

/// A certificate's page: what it certifies, that it is genuine, where to verify it.
struct CertificateView {
    let title = "Certificate of completion"
    let name: String
    let what: String
    let objectives: String
    let issued: String
    let code: String
    let address: String
    let pdfHref: String

    init(_ reading: CertificateReading, address: String) {
        name = reading.person.name
        what = "completed \(reading.cycle.place(in: reading.programme)) as a \(reading.certificate.role.rawValue)"
        objectives = reading.programme.objectives
        issued = "Issued on \(reading.certificate.issuedAt.formatted(date: .long, time: .omitted))"
        code = reading.certificate.code
        self.address = address
        pdfHref = SiteURL.certificate(.value(reading.certificate.code), .pdf).path
    }
}
