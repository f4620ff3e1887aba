/// A horizontal bar chart drawn by the server as SVG — no chart library, no JavaScript — with a
/// title and a description naming every bar's value, so a screen reader reads what the eye sees.
/// The page shows the same figures in a table beside it.
struct BarChart {
    struct Bar {
        let label: String
        let value: Double
        /// The value as the page writes it, e.g. "66.7 %".
        let written: String
    }

    /// Unique on its page: the title and description are named by it.
    let id: String
    let title: String
    let bars: [Bar]

    private static let (rowHeight, labelWidth, barWidth, valueWidth) = (28, 230, 340, 110)

    /// The chart as SVG, every text escaped. A value that is not a finite number above zero
    /// draws no bar.
    var svg: String {
        let escape = EscapedHTML.escape
        let width = Self.labelWidth + Self.barWidth + Self.valueWidth, height = bars.count * Self.rowHeight + 8
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" role="img" aria-labelledby="\#(id)-title \#(id)-desc">"#
        svg += #"<title id="\#(id)-title">\#(escape(title))</title><desc id="\#(id)-desc">\#(escape(description))</desc>"#
        for (row, bar) in bars.enumerated() {
            let top = row * Self.rowHeight + 4
            let length = largest > 0 && bar.value.isFinite && bar.value > 0 ? max(1, Int((bar.value / largest * Double(Self.barWidth)).rounded())) : 0
            svg += #"<text x="\#(Self.labelWidth - 8)" y="\#(top + 18)" text-anchor="end">\#(escape(bar.label))</text>"#
            svg += #"<rect x="\#(Self.labelWidth)" y="\#(top + 4)" width="\#(length)" height="\#(Self.rowHeight - 8)"><title>\#(escape(bar.label)): \#(escape(bar.written))</title></rect>"#
            svg += #"<text x="\#(Self.labelWidth + length + 6)" y="\#(top + 18)">\#(escape(bar.written))</text>"#
        }
        return svg + "</svg>"
    }

    /// The chart in words: every bar and its value.
    var description: String { bars.map { "\($0.label): \($0.written)" }.joined(separator: "; ") }
}
