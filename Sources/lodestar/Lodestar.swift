import ArgumentParser

/// The `lodestar` command: serve the app, manage the database, import and export.
@main
struct Lodestar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lodestar",
        abstract: "Lodestar runs leadership mentoring programmes: people, programmes, cycles, enrolment.",
        subcommands: [Serve.self, Migrate.self, Users.self, Tokens.self, Webhooks.self, Managers.self, Programmes.self, Enrol.self, Invite.self, SurveyResultsCommand.self, Report.self, SuccessionCommand.self, Import.self, Export.self, Demo.self, Match.self, Solve.self, BenchMatch.self, BenchFloor.self]
    )
}
