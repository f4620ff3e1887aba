import Foundation
import LodestarCore

/// A certificate as a one-page PDF (A4 landscape), written by hand: the standard Helvetica fonts
/// with WinAnsi encoding need no embedding, so the file is a few objects of text.
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
            // Centred by an estimate of Helvetica's mean glyph width (about half the font size).
            let x = max(40, (width - line.text.count * line.size * 52 / 100) / 2)
            content += "BT /\(line.bold ? "F2" : "F1") \(line.size) Tf \(x) \(line.y) Td (\(escaped(line.text))) Tj ET\n"
        }
        let stream = winAnsi(content)
        var objects: [Data] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8),
        ]
        objects.append(Data("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Data("\nendstream".utf8))
        var file = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(file.count)
            file += Data("\(index + 1) 0 obj\n".utf8) + object + Data("\nendobj\n".utf8)
        }
        let table = file.count
        file += Data("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { file += Data(String(format: "%010d 00000 n \n", offset).utf8) }
        file += Data("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n".utf8)
        return file
    }

    /// Text inside a PDF string: its delimiters and backslash escaped.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }

    /// The content stream's bytes in WinAnsi (Latin-1 for the letters names use); anything else becomes '?'.
    static func winAnsi(_ text: String) -> Data {
        Data(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0xFF: UInt8(scalar.value)
            case 0x0A: 0x0A
            case 0x2013, 0x2014: 0x2D
            default: 0x3F
            }
        })
    }
}
