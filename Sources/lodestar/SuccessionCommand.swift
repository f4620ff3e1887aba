import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar succession`: flag or unflag a high potential by HR id, or print the pipeline — as
/// CSV (a line per focus competency, hidden bands empty) or as the API's JSON.
struct SuccessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "succession",
        abstract: "Flag (--flag) or unflag (--unflag) a high potential by HR id, or print the succession pipeline by focus competency.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: "Flag this person (HR id) as a high potential.") var flag: String?
    @Option(help: "Remove this person's (HR id) high-potential flag.") var unflag: String?
    @Option(help: "csv or json.") var format: Format = .csv
    @Option(name: .shortAndLong, help: "File to write; standard output when omitted.") var output: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard flag == nil || unflag == nil else { throw ValidationError("give --flag or --unflag, not both") }
    }

    func run() async throws {
        let text: String = try await reportingValidation {
            try await withStore(database, creating: false) { store in
                let succession = Succession(store: store, principal: .commandLine)
                if let externalID = flag ?? unflag {
                    guard let person = try await store.person(externalID: externalID) else { throw NotFound("person with the HR id", externalID) }
                    if flag != nil {
                        let flagged = try await succession.flag(person.id, now: Date())
                        return "\(person.name) (\(externalID)) is a high potential, flagged by \(flagged.flagged.by) on \(CalendarDay.text(flagged.flagged.at)).\n"
                    }
                    let removed = try await succession.unflag(person.id, now: Date())
                    return removed ? "\(person.name) (\(externalID)) is no longer flagged.\n" : "\(person.name) (\(externalID)) was not flagged.\n"
                }
                let pipeline = try await succession.pipeline()
                guard format == .json else { return CSVText.write(header: SuccessionPipeline.csvHeader, rows: pipeline.csvRows) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                return String(decoding: try encoder.encode(SuccessionBody(pipeline)), as: UTF8.self) + "\n"
            }
        }
        try write(text, to: output)
    }
}
