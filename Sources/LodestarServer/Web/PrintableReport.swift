import Foundation
import LodestarCore

/// A one-page report as a file that stands alone — its stylesheet written in — for
/// `lodestar report --format html`: the page the browser prints.
public enum PrintableReport {
    /// A cycle's report.
    public static func html(_ indicators: CycleIndicators, now: Date) async throws -> String {
        try await document(ReportView(indicators, now: now))
    }

    /// A programme's report, with its outcome lift.
    public static func html(_ indicators: ProgrammeIndicators, lift: ProgrammeLift, now: Date) async throws -> String {
        try await document(ReportView(indicators, lift: lift, now: now))
    }

    private static func document(_ report: ReportView) async throws -> String {
        guard let url = Bundle.module.url(forResource: "Assets/style", withExtension: "css") else {
            throw TemplatesMissing(names: ["Assets/style.css"])
        }
        var report = report
        report.inlineStyle = try String(contentsOf: url, encoding: .utf8)
        return try await PageRenderer.load().text(.report, report)
    }
}
