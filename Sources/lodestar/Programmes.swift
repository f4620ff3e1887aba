import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar programmes …`: programmes and their next cycle, for scripts — the rules and
/// messages of the programme pages and the API.
struct Programmes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create and list programmes, and open a programme's next cycle.",
                                                    subcommands: [CreateProgramme.self, ListProgrammes.self, OpenCycle.self])
}

struct CreateProgramme: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a programme from a JSON file and print its id.",
        discussion: #"The file is what POST /api/v1/programmes takes, e.g. {"name": "Rising Leaders", "format": "one-to-one", "durationWeeks": 26, "cadence": "monthly", "focusCompetencies": ["delegation"]}."#)
    @Option(help: "The programme as JSON.") var file: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ArgumentParser.ValidationError("--file \(file) can't be read") }
        let programme = try await reportingValidation {
            let record = try ProgrammeFile.record(data)
            return try await withStore(database) { try await ProgrammeOffice(store: $0, principal: .commandLine).create(record) }
        }
        print("\(programme.id)\t\(programme.name)")
    }
}

struct ListProgrammes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the programmes: id, name, format.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        for programme in try await withStore(database, creating: false, { try await $0.programmes(ids: nil) }) {
            print([programme.id.description, programme.name, programme.format.rawValue].joined(separator: "\t"))
        }
    }
}

struct OpenCycle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open-cycle", abstract: "Open a programme's next cycle, in draft, and print its id.")
    @Option(help: "The programme's id.") var programme: String
    @Option(help: "The cycle's name (default: Cycle N).") var name: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let id = Programme.ID(programme) else { throw ArgumentParser.ValidationError("--programme '\(programme)' is not a programme id") }
        let cycle = try await reportingValidation {
            try await withStore(database, creating: false) { try await ProgrammeOffice(store: $0, principal: .commandLine).startCycle(of: id, name: name) }
        }
        print("\(cycle.id)\t\(cycle.name)")
    }
}
