import Foundation
import LodestarCore

/// A programme's surveys for its managers: the templates, the surveys scheduled in its cycles
/// with where each stands, and the forms that write a template and schedule one.
struct ProgrammeSurveysView {
    let title: String
    let heading = "Surveys"
    let crumbs: [Crumb]
    let templates: [TemplateLine]
    let surveys: [SurveyLine]
    let moments: [LibraryView.Option]
    let audiences: [LibraryView.Option]
    let templateOptions: [LibraryView.Option]
    let cycleOptions: [LibraryView.Option]
    let anchors: [LibraryView.Option]
    let entered: [String: String]
    let issues: [String]
    let scheduleIssues: [String]
    let addHref: String
    let scheduleHref: String
    let csrf: String

    struct TemplateLine { let title: String; let moment: String; let audience: String; let questions: String; let text: String }
    struct SurveyLine { let href: String; let resultsHref: String; let title: String; let cycle: String; let when: String; let state: String; let responded: Int }

    /// `entered` holds the form's fields after a refusal; `scheduling` says which form was refused.
    init(_ surveys: ProgrammeSurveys, entered: [String: String], issues: [FieldIssue], scheduling: Bool, csrf: String) {
        let programme = surveys.programme
        title = "Surveys · \(programme.name)"
        crumbs = [Crumb("Programmes", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path)]
        templates = surveys.templates.map { template in
            TemplateLine(title: template.title, moment: template.moment.words, audience: template.audience.map { "\($0.rawValue)s" }.joined(separator: " and "),
                         questions: "\(template.questions.count) question\(template.questions.count == 1 ? "" : "s")",
                         text: template.questions.map { "\($0.kind.rawValue): \($0.text)" }.joined(separator: " · "))
        }
        self.surveys = surveys.surveys.map { status in
            SurveyLine(href: SiteURL.survey(.value(status.survey.id)).path, resultsHref: SiteURL.survey(.value(status.survey.id), .results).path,
                       title: status.template.title, cycle: status.cycle.name, when: SurveyWords.when(status.survey, status.window),
                       state: status.state.rawValue, responded: status.responded)
        }
        moments = SurveyMoment.allCases.map { LibraryView.Option(value: $0.rawValue, label: $0.words, selected: $0.rawValue == entered["moment"]) }
        let audience = Set((entered["audience"] ?? "mentor,mentee").split(separator: ",").map(String.init))
        audiences = EnrolmentRole.allCases.map { LibraryView.Option(value: $0.rawValue, label: "\($0.rawValue)s", selected: audience.contains($0.rawValue)) }
        templateOptions = surveys.templates.map { LibraryView.Option(value: $0.id.description, label: $0.title, selected: $0.id.description == entered["template"]) }
        let open = surveys.cycles.filter { $0.state != .closed }
        cycleOptions = (open.isEmpty ? surveys.cycles : open).reversed().map {
            LibraryView.Option(value: $0.id.description, label: "\($0.name) (\($0.state.rawValue))", selected: $0.id.description == entered["cycle"])
        }
        anchors = SurveyAnchor.allCases.map { LibraryView.Option(value: $0.rawValue, label: $0.words, selected: $0.rawValue == entered["anchor"]) }
        self.entered = entered
        let messages = issues.map(\.description)
        self.issues = scheduling ? [] : messages
        scheduleIssues = scheduling ? messages : []
        addHref = SiteURL.programmeSurveys(.value(programme.id)).path
        scheduleHref = SiteURL.scheduleSurvey(.value(programme.id)).path
        self.csrf = csrf
    }
}

/// How pages write a survey's timing.
enum SurveyWords {
    /// "30 days after matching: 12 Mar – 26 Mar 2027", or what it waits for.
    static func when(_ survey: Survey, _ window: DateInterval?) -> String {
        let rule = (survey.days == 0 && survey.anchor == .afterMatching ? "when the matching is published" : "\(survey.days) \(survey.anchor.words)")
            + ", open \(survey.openDays) days"
        guard let window else { return rule + " — " + (survey.anchor == .afterMatching ? "once the matching is published" : "once the cycle has an end date") }
        return rule + ": " + window.start.formatted(date: .abbreviated, time: .omitted) + " – " + window.end.formatted(date: .abbreviated, time: .omitted)
    }
}

/// A survey: its questions to answer for the people it asks while it is open, or a look at
/// them for its managers.
struct SurveyView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let lead: String
    let privacy: String
    let answered: String?
    let takes: Bool
    let questions: [Question]
    let named: Bool
    let issues: [String]
    let formHref: String
    let resultsHref: String?
    let csrf: String

    struct Question {
        let number: Int
        let name: String
        let text: String
        let kind: String
        let options: [Option]
        let radio: Bool
        let checkbox: Bool
        let freeText: Bool
        let scaleHint: String?
        let entered: String
        let problem: String?
    }
    struct Option { let value: Int; let label: String; let checked: Bool }

    /// `values` are the answers entered (after a refusal) or given before.
    init(_ reading: SurveyReading, values: [[String]], named: Bool?, issues: [FieldIssue], csrf: String) {
        let template = reading.template
        title = template.title
        heading = template.title
        crumbs = [Crumb("Home", SiteURL.home.path), Crumb(reading.cycle.place(in: reading.programme))]
        let window = reading.window.map { " It is open until \($0.end.formatted(date: .abbreviated, time: .shortened))." } ?? ""
        lead = switch reading.state {
        case .open: "\(template.moment.words.capitalisedFirst) survey for \(template.audience.map { "\($0.rawValue)s" }.joined(separator: " and ")).\(window)"
        case .closed: "This survey has closed."
        case .upcoming, .unscheduled: "This survey is not open yet: \(SurveyWords.when(reading.survey, reading.window))."
        }
        privacy = "Your programme managers see figures for groups of \(SmallGroups.minimum) or more people, never your own answers. A comment shows your name only if you tick the box."
        answered = reading.response.map { "You answered on \($0.submittedAt.formatted(date: .abbreviated, time: .shortened))" + (reading.state == .open ? "; you may change your answers until it closes." : ".") }
        takes = reading.role != nil && reading.state == .open
        let problems = ValidationError(issues).messagesByField
        let given = values.isEmpty ? reading.response.map { Self.values(of: $0.answers) } ?? [] : values
        questions = template.questions.enumerated().map { index, question in
            let own = index < given.count ? given[index] : []
            let options: [Option] = switch question.kind {
            case .single, .multiple: question.options.enumerated().map { Option(value: $0.offset, label: $0.element, checked: own.contains(String($0.offset))) }
            case .scale, .nps: (question.kind.range ?? 0...0).map { Option(value: $0, label: String($0), checked: own.contains(String($0))) }
            case .text: []
            }
            return Question(number: index + 1, name: "q\(index)", text: question.text, kind: question.kind.rawValue, options: options,
                            radio: question.kind != .multiple && question.kind != .text, checkbox: question.kind == .multiple, freeText: question.kind == .text,
                            scaleHint: question.kind == .scale ? "1 poor · 5 excellent" : question.kind == .nps ? "0 not at all likely · 10 extremely likely" : nil,
                            entered: question.kind == .text ? own.joined(separator: "\n") : "", problem: problems["q\(index)"])
        }
        self.named = named ?? reading.response?.named ?? false
        self.issues = issues.filter { !$0.field.hasPrefix("q") }.map(\.description)
        formHref = SiteURL.survey(.value(reading.survey.id)).path
        resultsHref = reading.role == nil ? SiteURL.survey(.value(reading.survey.id), .results).path : nil
        self.csrf = csrf
    }

    /// Answers written back as a form sends them.
    static func values(of answers: [SurveyAnswer]) -> [[String]] {
        answers.map { answer in
            switch answer {
            case .number(let value): [String(value)]
            case .choices(let values): values.map(String.init)
            case .text(let text): [text]
            case .none: []
            }
        }
    }
}

/// A survey's results: who answered, each breakdown's groups (hidden ones said so), each
/// question's figures as a table, and the comments that may be shown.
struct SurveyResultsView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let lead: String
    let rule: String
    let figuresShown: Bool
    let breakdowns: [Breakdown]
    let comments: [Comment]
    let hasComments: Bool
    let csvHref: String

    struct Breakdown { let name: String; let groups: [Group] }
    struct Group { let label: String; let respondents: String; let hidden: Bool; let questions: [Question] }
    struct Question { let text: String; let summary: String; let counts: [Count] }
    struct Count { let label: String; let count: Int; let most: Int }
    struct Comment { let question: String; let text: String; let name: String }

    init(_ results: SurveyResults) {
        title = "Results · \(results.template.title)"
        heading = results.template.title
        crumbs = [Crumb("Programmes", SiteURL.home.path), Crumb(results.programme.name, SiteURL.programme(.value(results.programme.id)).path),
                  Crumb("Surveys", SiteURL.programmeSurveys(.value(results.programme.id)).path)]
        let rate = results.invited > 0 ? " (\(Int((100 * Double(results.responded) / Double(results.invited)).rounded())) %)" : ""
        lead = "\(results.cycle.name) · \(results.responded) of \(results.invited) answered\(rate) · \(SurveyWords.when(results.survey, results.window))"
        figuresShown = results.state == .closed
        rule = figuresShown
            ? "Groups of fewer than \(SmallGroups.minimum) respondents are hidden, and so is any group the others and the total would give away. Comments carry a name only where their author allowed it."
            : "Figures appear when the survey closes: results that changed with each answer would tell people's answers apart."
        breakdowns = results.breakdowns.map { breakdown in
            Breakdown(name: breakdown.name, groups: breakdown.groups.map { group in
                Group(label: group.label, respondents: group.respondents.map { "\($0) respondent\($0 == 1 ? "" : "s")" } ?? "hidden",
                      hidden: group.hidden, questions: group.questions.map(Self.question))
            })
        }
        comments = results.comments.map { Comment(question: $0.question.text, text: $0.text, name: $0.name ?? "not named") }
        hasComments = !comments.isEmpty
        csvHref = SiteURL.survey(.value(results.survey.id), .resultsCSV).path
    }

    private static func question(_ figures: SurveyResults.QuestionFigures) -> Question {
        let most = max(1, figures.counts.map(\.count).max() ?? 1)
        var summary = "\(figures.answered) answered"
        if let mean = figures.mean { summary += " · mean \(mean.written(decimals: 2))" }
        if let score = figures.netPromoterScore { summary += " · net promoter score \(score)" }
        return Question(text: figures.question.text, summary: summary,
                        counts: figures.counts.map { Count(label: $0.label, count: $0.count, most: most) })
    }
}
