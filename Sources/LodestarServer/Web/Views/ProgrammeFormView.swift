import Foundation
import LodestarCore

/// The form that creates a programme or changes one: what it is for, how it runs, and how it
/// matches — every setting explained, every refused field with its own message.
struct ProgrammeFormView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Field {
        let name: String
        let label: String
        let value: String
        let help: String
        let problem: String?
        /// Label, input and help on one line (the weights).
        var inline = false
    }

    struct Check {
        let value: String
        let label: String
        let checked: Bool
    }

    let title: String
    let crumbs: [Crumb]
    let heading: String
    let action: String
    let submit: String
    let csrf: String
    /// What was refused, above the form (not `problem`: a field without one would show it).
    let summary: String?
    let name: Field
    let objectives: Field
    let durationWeeks: Field
    let formats: [Option]
    let cadences: [Option]
    let competencies: [Check]
    let competenciesProblem: String?
    let useDefaults: Bool
    let weights: [Field]
    let weightsProblem: String?
    let gaps: [Field]
    let overlap: Field
    let rotation: Bool
    let mentorTrainingFirst: Bool
    let menteeChoice: Bool
    let choice: [Field]
    let circleSizes: [Option]
    let circleProblem: String?
    let priorityDimensions: [Option]
    let priorityDimensionProblem: String?
    let priority: [Field]

    /// The form for `programme` (nil: a new one) filled from `form`, with `error`'s messages by field.
    init(editing programme: Programme?, form: ProgrammeForm, catalogue: [Competency], csrf: String, error: ValidationError?) {
        let problems = Dictionary(error?.issues.map { ($0.field, $0.message) } ?? [], uniquingKeysWith: { first, second in first + "; " + second })
        func field(_ name: String, _ label: String, _ help: String, problem key: String? = nil) -> Field {
            Field(name: name, label: label, value: form.fields[name] ?? "", help: help, problem: problems[key ?? name])
        }
        if let programme {
            title = "Settings of \(programme.name)"
            crumbs = [Crumb("Programmes", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path)]
            heading = "Programme settings"
            action = SiteURL.editProgramme(.value(programme.id)).path
            submit = "Save the programme"
        } else {
            title = "New programme"
            crumbs = [Crumb("Programmes", SiteURL.home.path)]
            heading = "New programme"
            action = SiteURL.newProgramme.path
            submit = "Create the programme"
        }
        self.csrf = csrf
        summary = error.map { "Nothing was saved: \($0.issues.count == 1 ? "one field needs" : "\($0.issues.count) fields need") a change, each marked below." }
        name = field("name", "Name", "What participants and managers call it, e.g. 'Rising Leaders'.")
        objectives = field("objectives", "Objectives", "What the organisation wants the programme to achieve; shown at the top of its page.")
        durationWeeks = field("durationWeeks", "Duration (weeks)", "How long a cycle's relationships run, 1 to 104 weeks.")
        formats = MentoringFormat.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: form.fields["format"] == $0.rawValue) }
        cadences = MeetingCadence.allCases.map { Option(value: $0.rawValue, label: "\($0.rawValue.capitalisedFirst) (every \($0.days) days)", selected: form.fields["cadence"] == $0.rawValue) }
        competencies = catalogue.map { Check(value: $0.slug, label: $0.name, checked: form.competencies.contains($0.slug)) }
        competenciesProblem = problems["focusCompetencies"]
        useDefaults = form.fields["defaults"] != nil
        weights = MatchCriterion.allCases.map { criterion in
            var weight = field("w-" + criterion.rawValue, criterion.rawValue.replacingOccurrences(of: "-", with: " ").capitalisedFirst, criterion.explanation,
                               problem: "matching.weights.\(criterion.rawValue)")
            weight.inline = true
            return weight
        }
        weightsProblem = problems["matching.weights"]
        gaps = [
            field("minimumLevelGap", "Mentor at least … levels more senior", "0 allows peers of the same level; reverse mentoring turns the gap round.", problem: "matching.minimumLevelGap"),
            field("maximumLevelGap", "…and at most", "A gap too wide makes for little common ground; 0 ≤ minimum ≤ maximum ≤ 20.", problem: "matching.maximumLevelGap"),
        ]
        overlap = field("minimumWeeklyOverlap", "Least weekly overlap (minutes)", "Distance programmes: the free time a pair must share each week, across time zones (0–10080).",
                        problem: "matching.minimumWeeklyOverlap")
        rotation = form.fields["rotation"] != nil
        mentorTrainingFirst = form.fields["mentorTrainingFirst"] != nil
        menteeChoice = form.fields["menteeChoice"] != nil
        choice = [
            field("maximumRequests", "Requests per mentee", "How many ranked requests a mentee sends, 1 to 5.", problem: "matching.menteeChoice.maximumRequests"),
            field("responseDays", "Days a mentor has to answer", "Unanswered, a request passes to the mentee's next choice; 1 to 30 days.", problem: "matching.menteeChoice.responseDays"),
        ]
        let size = form.fields["peerCircleSize"] ?? ""
        circleSizes = [Option(value: "", label: "Pairs", selected: size.isEmpty)]
            + (3...5).map { Option(value: String($0), label: "Circles of about \($0)", selected: size == String($0)) }
        circleProblem = problems["matching.peerCircleSize"]
        let dimension = form.fields["priorityDimension"] ?? ""
        priorityDimensions = [Option(value: "", label: "No priority", selected: dimension.isEmpty)]
            + MenteePriority.Dimension.allCases.map { Option(value: $0.rawValue, label: "By \($0.label.lowercased())", selected: dimension == $0.rawValue) }
        priorityDimensionProblem = problems["priorityDimension"]
        priority = [
            field("priorityGroups", "Groups given priority", "As people describe themselves, separated by commas (e.g. woman, non-binary); the fairness audit lists the groups of a cycle.",
                  problem: "matching.menteePriority.groups"),
            field("priorityPoints", "Points", "How much more a prioritised mentee's pair counts when places are short, 1 to 30 (a pair scores 0 to 100).",
                  problem: "matching.menteePriority.points"),
        ]
    }
}

extension MatchCriterion {
    /// What the criterion rewards, in a sentence for the programme's form.
    var explanation: String {
        switch self {
        case .goalSkillFit: "The mentor offers, and is good at, what the mentee most wants to develop."
        case .seniorityGap: "The difference in level suits the format (within the gaps below)."
        case .sharedInterests: "Interests both list: common ground for the first meetings."
        case .communicationStyle: "Their ways of communicating suit each other."
        case .learningPreference: "The mentor's way of helping suits how the mentee learns."
        case .availabilityOverlap: "Weekly free time that overlaps, across time zones."
        case .location: "The same city, when either side meets only in person."
        case .crossDepartment: "Pairs across departments widen the mentee's network."
        }
    }
}
