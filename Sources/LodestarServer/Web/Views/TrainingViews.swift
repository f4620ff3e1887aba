import Foundation
import LodestarCore

/// The library: a search by words, competency and audience; the resources found; for managers,
/// the form that adds one.
struct LibraryView {
    let title = "Library"
    let heading = "Library"
    let search: String
    let competencies: [Option]
    let audiences: [Option]
    let resources: [Line]
    let paging: Paging
    let mayAdd: Bool
    let kinds: [Option]
    let entered: Entered
    let issues: [String]
    let problems: [String: String]
    let csrf: String
    let href = SiteURL.library.path

    typealias Option = SelectOption
    struct Line { let href: String; let title: String; let kind: String; let summary: String; let tags: String }
    struct Entered { let title: String; let summary: String; let body: String; let link: String }

    init(_ found: Page<Resource>, search: (text: String, competency: String, audience: ResourceAudience?), competencies catalogue: [Competency], mayAdd: Bool,
         entered: ResourceRecord?, issues: [FieldIssue], csrf: String) {
        self.search = search.text
        let names = Dictionary(catalogue.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        competencies = [Option(value: "", label: "any competency", selected: search.competency.isEmpty)]
            + catalogue.map { Option(value: $0.slug, label: $0.name, selected: $0.slug == search.competency || entered?.competencies.contains($0.slug) == true) }
        audiences = [Option(value: "", label: "anyone", selected: search.audience == nil)]
            + ResourceAudience.allCases.map { Option(value: $0.rawValue, label: "\($0.rawValue)s", selected: $0 == search.audience || entered?.audience.contains($0.rawValue) == true) }
        resources = found.items.map { resource in
            Line(href: SiteURL.resource(.value(resource.id)).path, title: resource.title, kind: resource.kind.rawValue, summary: resource.summary,
                 tags: (resource.competencies.map { names[$0] ?? $0 } + resource.audience.map { "for \($0.rawValue)s" }).joined(separator: " · "))
        }
        paging = Paging(found, path: SiteURL.library.path, query: ["q": search.text, "competency": search.competency, "audience": search.audience?.rawValue ?? ""])
        self.mayAdd = mayAdd
        kinds = ResourceKind.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == entered?.kind) }
        self.entered = Entered(title: entered?.title ?? "", summary: entered?.summary ?? "", body: entered?.body ?? "", link: entered?.link ?? "")
        self.issues = issues.map(\.description)
        problems = ValidationError(issues).messagesByField
        self.csrf = csrf
    }
}

/// One resource: its text in paragraphs, or its link.
struct ResourceView {
    let title: String
    let heading: String
    let kind: String
    let summary: String
    let paragraphs: [String]
    let link: String?
    let tags: String
    let added: String
    let crumbs = [Crumb("Library", SiteURL.library.path)]

    init(_ resource: Resource, competencies names: [String: String]) {
        title = resource.title
        heading = resource.title
        kind = resource.kind.rawValue
        summary = resource.summary
        paragraphs = ResourceView.paragraphs(resource.body)
        link = resource.link
        tags = (resource.competencies.map { names[$0] ?? $0 } + resource.audience.map { "for \($0.rawValue)s" }).joined(separator: " · ")
        added = "Added by \(resource.added.by), \(resource.added.at.formatted(date: .abbreviated, time: .omitted))"
    }

    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

/// A programme's training for its managers: the modules with their completion, who took part
/// and how far they got, and the form that assigns a module.
struct ProgrammeTrainingView {
    let title: String
    let heading = "Training"
    let crumbs: [Crumb]
    let lead: String
    let rule: String
    let modules: [Module]
    let people: [Row]
    let hasPeople: Bool
    let resources: [LibraryView.Option]
    let roles: [LibraryView.Option]
    let entered: [String: String]
    let issues: [String]
    let assignHref: String
    let csrf: String

    struct Module { let href: String; let title: String; let role: String; let check: String; let completed: Int; let of: Int }
    struct Row { let name: String; let role: String; let progress: String; let done: Bool }

    init(_ progress: TrainingProgress, library: [Resource], entered: [String: String], issues: [FieldIssue], csrf: String) {
        let programme = progress.programme
        title = "Training · \(programme.name)"
        crumbs = [Crumb("Programmes", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path)]
        lead = progress.cycle.map { "Completion of the people of \($0.name) — enrolled, or with an application." } ?? "No cycle is open: completion is listed once one is."
        rule = programme.effectiveMatching.requiresMentorTraining
            ? "Mentors complete their modules before they are matched: the plan leaves out any who have not (the rule “mentor-training”)."
            : "Matching does not wait for training; the programme's settings can make it a hard rule."
        let byRole = Dictionary(grouping: progress.people, by: \.role).mapValues(\.count)
        modules = progress.modules.map { entry in
            Module(href: SiteURL.trainingModule(.value(entry.module.id)).path, title: entry.module.title, role: entry.module.role.rawValue,
                   check: entry.module.questions.isEmpty ? "confirmation" : "\(entry.module.questions.count)-question quiz",
                   completed: entry.completed, of: byRole[entry.module.role] ?? 0)
        }
        people = progress.people.map {
            Row(name: $0.person.name, role: $0.role.rawValue, progress: $0.of == 0 ? "none assigned" : "\($0.completed) of \($0.of)", done: $0.of > 0 && $0.completed == $0.of)
        }
        hasPeople = !people.isEmpty
        resources = library.map { LibraryView.Option(value: $0.id.description, label: "\($0.title) (\($0.kind.rawValue))", selected: $0.id.description == entered["resource"]) }
        roles = EnrolmentRole.allCases.map { LibraryView.Option(value: $0.rawValue, label: "\($0.rawValue)s", selected: $0.rawValue == entered["role"]) }
        self.entered = entered
        self.issues = issues.map(\.description)
        assignHref = SiteURL.programmeTraining(.value(programme.id)).path
        self.csrf = csrf
    }
}

/// A module to take: its resource to study, then the quiz (or the confirmation).
struct ModuleView {
    let title: String
    let heading: String
    let crumbs: [Crumb]
    let lead: String
    let resourceTitle: String
    let resourceHref: String
    let paragraphs: [String]
    let link: String?
    let completed: String?
    let takes: Bool
    let quiz: Bool
    let questions: [Question]
    let issues: [String]
    let formHref: String
    let csrf: String

    struct Question { let number: Int; let name: String; let text: String; let options: [Option]; let problem: String? }
    struct Option { let value: Int; let label: String; let checked: Bool }

    init(_ reading: ModuleReading, answers: [Int?], issues: [FieldIssue], csrf: String) {
        let (module, resource, programme) = (reading.module, reading.resource, reading.programme)
        title = module.title
        heading = module.title
        crumbs = [Crumb("Home", SiteURL.home.path), Crumb(programme.name)]
        lead = "\(programme.name) asks its \(module.role.rawValue)s to study this" + (module.questions.isEmpty ? ", then confirm." : module.questions.count == 1 ? ", then answer a question." : ", then answer \(module.questions.count) questions.")
        resourceTitle = resource.title
        resourceHref = SiteURL.resource(.value(resource.id)).path
        paragraphs = ResourceView.paragraphs(resource.body)
        link = resource.link
        completed = reading.assigned?.completedAt.map { "Completed on \($0.formatted(date: .abbreviated, time: .omitted))." }
        takes = reading.assigned != nil && reading.assigned?.completedAt == nil
        quiz = !module.questions.isEmpty
        let problems = ValidationError(issues).messagesByField
        questions = module.questions.enumerated().map { index, question in
            Question(number: index + 1, name: "q\(index)", text: question.text,
                     options: question.options.enumerated().map { Option(value: $0.offset, label: $0.element, checked: index < answers.count && answers[index] == $0.offset) },
                     problem: problems["q\(index)"])
        }
        self.issues = issues.filter { !$0.field.hasPrefix("q") }.map(\.message)
        formHref = SiteURL.trainingModule(.value(module.id)).path
        self.csrf = csrf
    }
}
