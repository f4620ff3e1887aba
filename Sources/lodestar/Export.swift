import ArgumentParser
import Foundation
import LodestarCore

/// `lodestar export people`: CSV out.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export data as CSV.", subcommands: [People.self])

    struct People: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the people directory as a CSV that imports back unchanged.")
        @Option(name: .shortAndLong, help: "File to write; standard output when omitted.") var output: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let csv = try await withStore(database, creating: false) { try await PeopleDirectory(store: $0, principal: .commandLine).exportCSV() }
            try write(csv, to: output)
        }
    }
}

/// Writes text to a file, or to standard output.
func write(_ text: String, to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
        throw ValidationError("cannot write \(path): \(error.localizedDescription)")
    }
}
