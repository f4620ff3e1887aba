import Foundation

/// A one-page PDF written by hand: a content stream of text and rectangles in the standard
/// Helvetica fonts (F1 regular, F2 bold) with WinAnsi encoding, which need no embedding — so the
/// file is a few objects. Certificates and printable reports are drawn on it.
enum OnePagePDF {
    /// The file of one page `width` × `height` points showing `content`.
    static func file(content: String, width: Int, height: Int) -> Data {
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

    /// A line of text at (`x`, `y`), `size` points, bold or not.
    static func text(_ text: String, x: Int, y: Int, size: Int, bold: Bool = false) -> String {
        "BT /\(bold ? "F2" : "F1") \(size) Tf \(x) \(y) Td (\(escaped(text))) Tj ET\n"
    }

    /// About how wide `text` is in Helvetica at `size` points (its mean glyph is about half as wide as high).
    static func width(of text: String, size: Int) -> Int { text.count * size * 52 / 100 }

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
