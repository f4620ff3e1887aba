import Foundation
import LodestarCore

/// A certificate as a one-page PDF (A4 landscape).
enum CertificatePDF {
    /// The PDF of `reading`, whose verification address is `verification`.
    static func document(_ reading: CertificateReading, verification: String) -> Data {
        let (width, height) = (842, 595)
        var lines: [(text: String, size: Int, bold: Bool, y: Int)] = [
            ("Certificate of completion", 34, true, 430),
            (reading.person.name, 28, true, 360),
            ("completed \(reading.cycle.place(in: reading.programme)) as a \(reading.certificate.role.rawValue)", 16, false, 320),
            (reading.programme.objectives, 11, false, 280),
            ("Issued on \(reading.certificate.issuedAt.formatted(date: .long, time: .omitted))", 12, false, 200),
            ("Verify at \(verification)", 10, false, 120),
            ("Lodestar - leadership mentoring programmes", 9, false, 60),
        ]
        lines = lines.map { ($0.text.count > 110 ? String($0.text.prefix(107)) + "..." : $0.text, $0.size, $0.bold, $0.y) }
        var content = "0.16 0.29 0.65 RG 4 w 30 30 \(width - 60) \(height - 60) re S\n"
        for line in lines {
            // Centred by an estimate of the text's width.
            content += OnePagePDF.text(line.text, x: max(40, (width - OnePagePDF.width(of: line.text, size: line.size)) / 2), y: line.y, size: line.size, bold: line.bold)
        }
        return OnePagePDF.file(content: content, width: width, height: height)
    }
}
