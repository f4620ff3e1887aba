import Foundation

/// One line of a cycle's indicators as every report writes it — the dashboards, their CSV, the
/// API and `lodestar report` — so the figures and their words agree wherever they are read.
public struct Indicator: Sendable, Equatable {
    /// A stable name for scripts, e.g. `match-rate`.
    public let key: String
    public let label: String
    /// Nil when there is nothing yet to measure (no mentees, no relationships, no pulses).
    public let value: Double?
    public let unit: Unit

    public enum Unit: String, Sendable, CaseIterable {
        case count, percent, days, hours
        case perMonth = "per-month"
        case rating = "rating-of-5"
        /// A net promoter score, −100…100.
        case netPromoter = "net-promoter-score"
        /// A change of a 1–5 rating, in points.
        case ratingChange = "rating-change"
    }

    /// The value for a reader: "66.7 %", "3.5 days", "—" for none.
    public var written: String {
        guard let value else { return "—" }
        return switch unit {
        case .count: Int(value.rounded()).formatted()
        case .percent: "\(value.written(decimals: 1)) %"
        case .days: "\(value.written(decimals: 1)) days"
        case .hours: "\(value.written(decimals: 1)) h"
        case .perMonth: "\(value.written(decimals: 2)) a month"
        case .rating: "\(value.written(decimals: 2)) of 5"
        case .netPromoter: (value > 0 ? "+" : "") + Int(value.rounded()).formatted()
        case .ratingChange: (value > 0 ? "+" : "") + "\(value.written(decimals: 2)) points"
        }
    }

    /// The value for a spreadsheet: a plain number (a share in percent), empty for none.
    public var csvValue: String {
        guard let value else { return "" }
        return switch unit {
        case .count, .netPromoter: String(Int(value.rounded()))
        case .perMonth, .rating, .ratingChange: value.written(decimals: 2)
        case .percent, .days, .hours: value.written(decimals: 1)
        }
    }
}

extension CycleIndicators {
    /// The indicators in the order the reports list them.
    public var table: [Indicator] {
        func line(_ key: String, _ label: String, _ value: Double?, _ unit: Indicator.Unit) -> Indicator {
            Indicator(key: key, label: label, value: value, unit: unit)
        }
        func percent(_ share: Double?) -> Double? { share.map { $0 * 100 } }
        return [
            line("mentor-applications", "Mentor applications", Double(applied[.mentor] ?? 0), .count),
            line("mentee-applications", "Mentee applications", Double(applied[.mentee] ?? 0), .count),
            line("mentors-enrolled", "Mentors enrolled", Double(enrolled[.mentor] ?? 0), .count),
            line("mentees-enrolled", "Mentees enrolled", Double(enrolled[.mentee] ?? 0), .count),
            line("relationships", "Relationships", Double(relationships), .count),
            line("match-rate", "Mentees matched, of those enrolled", percent(matchRate), .percent),
            line("days-to-match", "Days from application to match (median)", medianDaysToMatch, .days),
            line("met-within-14-days", "Relationships that met within 14 days", percent(metWithin14Days), .percent),
            line("meetings", "Meetings held", Double(meetings), .count),
            line("meetings-per-month", "Meetings per relationship", meetingsPerMonth, .perMonth),
            line("expected-meetings-per-month", "Meetings the cadence expects", expectedPerMonth, .perMonth),
            line("mentoring-hours", "Mentoring hours", mentoringHours, .hours),
            line("agreements-signed", "Agreements signed by everyone", percent(agreementRate), .percent),
            line("goals-set", "Goals set", Double(goalsSet), .count),
            line("goal-completion", "Goals achieved, of those set", percent(goalCompletion), .percent),
            line("pulse", "How meetings felt (mean pulse)", meanPulse, .rating),
            line("poor-fit-rate", "Relationships called not a fit", percent(poorFitRate), .percent),
            line("survey-satisfaction", "Satisfaction in the surveys (mean answer)", surveySatisfaction, .rating),
            line("net-promoter-score", "Net promoter score", netPromoterScore, .netPromoter),
            line("growth-self", "Competency growth, the mentees' own ratings", selfGrowth, .ratingChange),
            line("growth-line-manager", "Competency growth, their line managers' ratings", lineManagerGrowth, .ratingChange),
            line("ended-early", "Relationships ended early", Double(endedEarly), .count),
        ] + (completedMentees.map { [line("mentees-completed", "Mentees who completed the cycle", Double($0), .count)] } ?? [])
    }
}

extension CycleIndicators {
    /// The CSV of one cycle: a line per indicator.
    public static let csvHeader = ["indicator", "key", "value", "unit"]
    public var csvRows: [[String]] { table.map { [$0.label, $0.key, $0.csvValue, $0.unit.rawValue] } }
}

extension ProgrammeIndicators {
    /// The CSV of a programme: a line per indicator, a column per cycle.
    public var csvHeader: [String] { ["indicator", "key", "unit"] + cycles.map(\.cycle.name) }

    public var csvRows: [[String]] { lines.map { line in [line.label, line.key, line.unit.rawValue] + line.values.map { $0?.csvValue ?? "" } } }

    /// Each indicator with its value in every cycle (none where a cycle doesn't have it, such as
    /// completions before a cycle closes), in the order the reports list them.
    public var lines: [(key: String, label: String, unit: Indicator.Unit, values: [Indicator?])] {
        let tables = cycles.map { Dictionary($0.table.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }) }
        var seen: Set<String> = []
        return cycles.flatMap(\.table).filter { seen.insert($0.key).inserted }.map { first in
            (first.key, first.label, first.unit, tables.map { $0[first.key] })
        }
    }
}
