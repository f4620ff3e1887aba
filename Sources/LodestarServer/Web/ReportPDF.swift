import Foundation

/// A report as a one-page PDF (A4 portrait): its heading, headline figures, the first chart drawn
/// as bars, the table of indicators (at most the last four columns, so that it fits) and its notes.
enum ReportPDF {
    static let (width, height, margin) = (595, 842, 40)

    static func document(_ report: ReportView) -> Data {
        var content = ""
        var y = height - margin - 14
        func line(_ text: String, x: Int = margin, size: Int, bold: Bool = false, room: Int = width - 2 * margin) {
            content += OnePagePDF.text(fitted(text, size: size, room: room), x: x, y: y, size: size, bold: bold)
        }
        line(report.heading, size: 17, bold: true)
        y -= 16
        line(report.subtitle, size: 9)
        y -= 22
        // Headline figures, four to a row.
        for (index, headline) in report.headlines.enumerated() {
            let x = margin + (index % 4) * 130
            line(headline.value, x: x, size: 13, bold: true, room: 125)
            y -= 11
            line(headline.label, x: x, size: 7, room: 125)
            y += 11
            if index % 4 == 3 || index == report.headlines.count - 1 { y -= 30 }
        }
        if let chart = report.charts.first, !chart.bars.isEmpty {
            line(chart.caption, size: 10, bold: true)
            y -= 14
            let largest = chart.bars.map(\.value).filter(\.isFinite).max() ?? 0
            for bar in chart.bars {
                line(bar.label, size: 8, room: 150)
                let length = largest > 0 && bar.value.isFinite ? Int(max(0, bar.value) / largest * 280) : 0
                if length > 0 { content += "0.2 0.29 0.85 rg \(margin + 155) \(y - 1) \(length) 8 re f 0 g\n" }
                content += OnePagePDF.text(bar.written, x: margin + 160 + length, y: y, size: 8)
                y -= 12
            }
            y -= 10
        }
        // The table: the label, then the columns right-aligned from the right edge.
        let shown = Array(report.columns.indices.suffix(4)), columnWidth = 70
        let labelRoom = width - 2 * margin - shown.count * columnWidth
        line("Indicator", size: 8, bold: true, room: labelRoom)
        for (place, column) in shown.enumerated() { right(report.columns[column], column: place, of: shown.count, size: 8, bold: true) }
        y -= 12
        for row in report.rows where y > margin + 40 {
            line(row.label, size: 8, room: labelRoom)
            for (place, column) in shown.enumerated() where column < row.values.count { right(row.values[column], column: place, of: shown.count, size: 8) }
            y -= 11
        }
        if shown.count < report.columns.count {
            y -= 2
            line("The web page and the CSV show all \(report.columns.count) cycles; this page the last \(shown.count).", size: 7) 
            y -= 11
        }
        if report.hasNotes, y > margin + 30 {
            y -= 8
            line(report.notesHeading, size: 10, bold: true)
            y -= 13
            for note in report.notes where y > margin + 14 {
                line(note, size: 7)
                y -= 10
            }
        }
        y = margin
        line(report.prepared, size: 7)
        return OnePagePDF.file(content: content, width: width, height: height)

        func right(_ text: String, column: Int, of count: Int, size: Int, bold: Bool = false) {
            let text = fitted(text, size: size, room: columnWidth - 6)
            let x = width - margin - (count - 1 - column) * columnWidth - OnePagePDF.width(of: text, size: size)
            content += OnePagePDF.text(text, x: x, y: y, size: size, bold: bold)
        }
    }

    /// `text`, cut with "..." where it would pass `room` points.
    static func fitted(_ text: String, size: Int, room: Int) -> String {
        let fits = max(4, room * 100 / max(1, size * 52))
        return text.count > fits ? String(text.prefix(fits - 3)) + "..." : text
    }
}
