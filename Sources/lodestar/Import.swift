import ArgumentParser
import Foundation
import LodestarCore

/// `lodestar import people|enrolments`: CSV in, all-or-nothing.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import CSV files; a file with any problem is refused whole and every problem is listed.",
        subcommands: [People.self, Enrolments.self, Outcomes.self])

    struct People: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import or update people (matched on the id column).")
        @Argument(help: "The people CSV file.") var file: String
        @Flag(help: "Create the database if its file does not exist yet.") var create = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let text = try readCSV(file)
            let summary = try await reportingImportErrors(file) {
                try await withStore(database, creating: create) { try await PeopleDirectory(store: $0, principal: .commandLine).importCSV(text, now: Date()) }
            }
            print("Imported \(file): \(summary).")
        }
    }

    struct Enrolments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enrol people in a cycle with their mentoring profiles.")
        @Option(help: "The cycle's id (see `GET /api/v1/cycles` or the cycle page).") var cycle: String
        @Argument(help: "The enrolment CSV file.") var file: String
        @Flag(help: "Create the database if its file does not exist yet.") var create = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let cycleID = Cycle.ID(cycle) else { throw ValidationError("--cycle '\(cycle)' is not a cycle id; ids look like 6f1c…-…") }
            let text = try readCSV(file)
            let summary = try await reportingImportErrors(file) {
                try await withStore(database, creating: create) { try await ProgrammeOffice(store: $0, principal: .commandLine).importEnrolments(text, into: cycleID) }
            }
            print("Imported \(file): \(summary).")
        }
    }

    struct Outcomes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import HR outcomes (person_id, hired_on, left_on, promoted_on, rating): a person's line replaces their record; others keep theirs.")
        @Argument(help: "The HR outcomes CSV file.") var file: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let text = try readCSV(file)
            let summary = try await reportingImportErrors(file) {
                try await withStore(database, creating: false) { try await LodestarCore.Outcomes(store: $0, principal: .commandLine).importCSV(text, now: Date()) }
            }
            print("Imported \(file): \(summary).")
        }
    }
}

func readCSV(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path): no such file, or no permission") }
    do { return try CSVText.decode(data) } catch {
        FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
        throw ExitCode.failure
    }
}

/// Prints import and validation problems as a person would want them, then exits non-zero.
func reportingImportErrors<T>(_ file: String, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as CSVImportError {
        FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
        throw ExitCode.failure
    } catch let error as LodestarCore.ValidationError {
        FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
        throw ExitCode.failure
    } catch let error as NotFound {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode.failure
    } catch let error as MatchingError {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode.failure
    }
}
