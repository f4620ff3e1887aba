import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar survey-results`: a survey's results as its page and the API give them — figures
/// once it has closed, small groups hidden — as CSV (formula-safe) for scripts and spreadsheets.
struct SurveyResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey-results",
        abstract: "Print a survey's results as CSV: everyone, by role and by department, groups of fewer than 5 respondents hidden.",
        discussion: "Figures appear once the survey has closed; until then the CSV is its header alone and the count of answers goes to standard error.")

    @Option(help: "An admin's account, whose rights act.") var admin: String
    @Option(help: "The survey's id.") var survey: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let surveyID = Survey.ID(survey) else { throw ArgumentParser.ValidationError("--survey '\(survey)' is not a survey id") }
        let results = try await reportingValidation {
            try await withStore(database, creating: false) { store in
                let principal = try await adminPrincipal(admin, in: store, credentials: BcryptCredentials())
                return try await Surveys(store: store, principal: principal).results(surveyID, now: Date())
            }
        }
        FileHandle.standardError.write(Data("\(results.template.title): \(results.responded) of \(results.invited) answered; \(results.state.rawValue)\n".utf8))
        print(CSVText.write(header: SurveyResults.csvHeader, rows: results.csvRows), terminator: "")
    }
}
