import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar report`: a cycle's or a programme's indicators — the dashboards' figures — as CSV
/// (formula-safe) or as the API's JSON, for scripts and spreadsheets, or as the one-page report.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what a cycle or a programme achieved: its indicators as CSV (a column per cycle for a programme) or JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, html }

    @Option(help: "A cycle's id.") var cycle: String?
    @Option(help: "A programme's id: its cycles side by side.") var programme: String?
    @Flag(help: "Every programme side by side, each over all its cycles, and all together.") var organisation = false
    @Flag(help: "With --cycle: the fairness audit — each opt-in group's representation and match figures, small groups hidden — instead of the indicators.") var fairness = false
    @Flag(help: "With --programme: the outcome lift — whether its mentees stayed and were promoted more than comparable people — instead of the indicators.") var lift = false
    @Option(help: "csv, json, or html: the one-page report to print, standing alone (not with --fairness or --lift).") var format: Format = .csv
    @Option(name: .shortAndLong, help: "File to write; standard output when omitted.") var output: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard [cycle != nil, programme != nil, organisation].filter({ $0 }).count == 1 else { throw ValidationError("give either --cycle, --programme or --organisation") }
        guard !organisation || format != .html else { throw ValidationError("--format html writes a cycle's or a programme's one-page report; for --organisation give csv or json") }
        guard !fairness || cycle != nil else { throw ValidationError("--fairness audits one cycle: give --cycle") }
        guard !lift || programme != nil else { throw ValidationError("--lift measures a programme: give --programme") }
        guard format != .html || !(fairness || lift) else { throw ValidationError("--format html writes the one-page report; leave out --fairness and --lift") }
    }

    func run() async throws {
        let now = Date()
        let text: String = try await reportingValidation {
            try await withStore(database, creating: false) { store in
                let evaluation = Evaluation(store: store, principal: .commandLine)
                if organisation {
                    let indicators = try await evaluation.organisation(now: now)
                    return format == .csv ? CSVText.write(header: indicators.csvHeader, rows: indicators.csvRows) : try Self.json(OrganisationIndicatorsBody(indicators))
                }
                if let cycle {
                    guard let id = Cycle.ID(cycle) else { throw ValidationError("--cycle '\(cycle)' is not a cycle id") }
                    if fairness {
                        let audit = try await evaluation.fairness(id)
                        return format == .csv ? CSVText.write(header: FairnessAudit.csvHeader, rows: audit.csvRows) : try Self.json(FairnessAuditBody(audit))
                    }
                    let indicators = try await evaluation.cycle(id, now: now)
                    switch format {
                    case .csv: return CSVText.write(header: CycleIndicators.csvHeader, rows: indicators.csvRows)
                    case .json: return try Self.json(CycleIndicatorsBody(indicators))
                    case .html: return try await PrintableReport.html(indicators, now: now)
                    }
                }
                guard let programme, let id = Programme.ID(programme) else { throw ValidationError("--programme '\(programme ?? "")' is not a programme id") }
                if lift {
                    let measured = try await Outcomes(store: store, principal: .commandLine).lift(of: id, now: now)
                    return format == .csv ? CSVText.write(header: OutcomeLift.csvHeader, rows: measured.lift.csvRows) : try Self.json(OutcomeLiftBody(measured))
                }
                let indicators = try await evaluation.programme(id, now: now)
                switch format {
                case .csv: return CSVText.write(header: indicators.csvHeader, rows: indicators.csvRows)
                case .json: return try Self.json(ProgrammeIndicatorsBody(indicators))
                case .html: return try await PrintableReport.html(indicators, lift: try await Outcomes(store: store, principal: .commandLine).lift(of: id, now: now), now: now)
                }
            }
        }
        try write(text, to: output)
    }

    private static func json(_ body: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(body), as: UTF8.self) + "\n"
    }
}
