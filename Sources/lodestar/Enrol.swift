import ArgumentParser
import Foundation
import LodestarCore

/// `lodestar enrol`: one person into a cycle, with their profile as options named like the
/// enrolment CSV's columns — read by that file's rules, with its messages.
struct Enrol: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enrol one person in a cycle (or update their profile there), by HR id.",
        discussion: "Lists take ';' between items, as in the enrolment CSV: --skills 'delegation:4; communication:3'.")

    @Option(help: "The cycle's id.") var cycle: String
    @Option(help: "The person's HR id (the people CSV's id).") var person: String
    @Option(help: "mentor or mentee.") var role: String
    @Option(help: "A mentor's competencies with proficiency 1–5.") var skills: String?
    @Option(name: .customLong("development-goals"), help: "A mentee's competencies with priority 1–3.") var developmentGoals: String?
    @Option(help: "Free words.") var interests: String?
    @Option(name: .customLong("communication-style"), help: "direct, reflective, analytical or expressive.") var communicationStyle: String?
    @Option(name: .customLong("learning-preference"), help: "discussion, hands-on, reading or observation.") var learningPreference: String?
    @Option(name: .customLong("meeting-mode"), help: "in-person, virtual or either.") var meetingMode: String?
    @Option(help: "Weekly slots in the person's own time zone: 'mon 09:00-11:00; thu 14:00-15:30'.") var availability: String?
    @Option(help: "Mentees a mentor takes, 1–20.") var capacity: String?
    @Option(name: .customLong("career-goals"), help: "Free text.") var careerGoals: String?
    @Flag(name: .customLong("dry-run"), help: "Check and say what would happen; write nothing.") var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let cycleID = Cycle.ID(cycle) else { throw ValidationError("--cycle '\(cycle)' is not a cycle id; ids look like 6f1c…-…") }
        let given: [(String, String?)] = [
            ("skills", skills), ("development_goals", developmentGoals), ("interests", interests), ("communication_style", communicationStyle),
            ("learning_preference", learningPreference), ("meeting_mode", meetingMode), ("availability", availability), ("capacity", capacity),
            ("career_goals", careerGoals),
        ]
        let columns = [("person_id", person), ("role", role)] + given.compactMap { name, value in value.map { (name, $0) } }
        // One line of the enrolment CSV, so the file's rules and messages apply as they are.
        let line = CSVText.write(header: columns.map(\.0), rows: [columns.map(\.1)])
        let summary: ImportSummary
        do {
            summary = try await withStore(database, creating: false) { store in
                try await ProgrammeOffice(store: store, principal: .commandLine).importEnrolments(line, into: cycleID, dryRun: dryRun)
            }
        } catch let error as CSVImportError {
            throw ValidationError(Self.options(error))
        }
        let done = summary.created > 0 ? "enrolled" : summary.updated > 0 ? "profile updated" : "already enrolled with this profile; nothing changed"
        print("\(person) as \(role): \(dryRun && summary.unchanged == 0 ? "would be " : "")\(done).")
    }

    /// The file's problems as the options that caused them: "--skills: unknown competency …".
    static func options(_ error: CSVImportError) -> String {
        error.issues.map { issue in
            let option = issue.field.map { "--" + ($0 == "person_id" ? "person" : $0.replacingOccurrences(of: "_", with: "-")) }
            return (option.map { "\($0): " } ?? "") + issue.message
        }.joined(separator: "\n")
    }
}
