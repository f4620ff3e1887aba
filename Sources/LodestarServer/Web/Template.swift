/// The page templates the server renders, by file name; `serve` refuses to start when one of
/// them is missing from the build, naming it, instead of answering pages that say so.
enum Template: String, CaseIterable, Sendable {
    case calendar, choose, cycle, error, home, layout, outbox, pairs, people, person, plan, profile, programme, programmes
    case relationship, requests, speed, tokens, webhooks, webhook, conflicts, inbox, message, readiness, `import`, messages
    case applications, application, library, resource, module
    case programmeTraining = "programme-training"
    case programmeSurveys = "programme-surveys"
    case survey
    case surveyResults = "survey-results"
    case growth, certificate, kudos
    case cycleGrowth = "cycle-growth"
    case dashboard
    case programmeDashboard = "programme-dashboard"
    case ruleCosts = "rule-costs"
    case fairness
    case outcomes, report, succession
    case organisationDashboard = "organisation-dashboard"
    case outcomeLift = "outcome-lift"
    case programmeForm = "programme-form"
    case forgotPassword = "forgot-password"
    case setPassword = "set-password"
    case signIn = "sign-in"
    case speedPrint = "speed-print"
    case planMentee = "plan-mentee"
    /// Partials, drawn into pages: paging links, the form's CSRF field, a problem with a form or
    /// with one field, the trail above a heading, a chart with its table.
    case paging, csrf, problem, crumbs, chart
    case fieldProblem = "field-problem"
    case formField = "form-field"
    case readinessSummary = "readiness-summary"
    case profileFields = "profile-fields"
    case csvIssues = "csv-issues"
    case recognition
}

/// Templates that should be in the build and are not.
struct TemplatesMissing: Error, CustomStringConvertible {
    let names: [String]
    var description: String { "the page templates \(names.map { "'\($0).mustache'" }.joined(separator: ", ")) are missing from the build" }
}

/// A template that is in the build but is not valid Mustache.
struct TemplateUnreadable: Error, CustomStringConvertible {
    let name: String
    let reason: String
    var description: String { "the page template '\(name).mustache' can't be read: \(reason)" }
}
