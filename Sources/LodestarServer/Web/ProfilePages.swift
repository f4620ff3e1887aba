import Foundation
import Hummingbird
import LodestarCore

/// A mentor or mentee edits their own enrolment profile (a programme's manager may too).
struct ProfilePages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.profile(.key)) { _, context in
            let (enrolment, programme, cycle) = try await load(context, "seeing someone else's profile")
            return pages.render(.profile, ProfileFormView(enrolment, programme, cycle, values: ProfileFields.text(of: enrolment.profile),
                                                           issues: [], saved: false, csrf: context.session?.csrfToken ?? ""), for: context)
        }
        router.post(.profile(.key)) { request, context in
            let (enrolment, programme, cycle) = try await load(context, "changing someone else's profile")
            let form = try await FormBody.fields(request)
            let values = Dictionary(uniqueKeysWithValues: ProfileFields.names.map { ($0, form[$0] ?? "") })
            var issues: [FieldIssue]
            var saved = enrolment
            do {
                let (profile, problems) = ProfileFields.parse({ values[$0] ?? "" }, role: enrolment.role, competencies: try await context.programmeOffice(store).competencySlugs())
                issues = problems
                if let profile, issues.isEmpty { saved = try await context.programmeOffice(store).update(enrolment.id, profile: profile) }
            } catch let error as ValidationError {
                issues = error.issues
            }
            let view = ProfileFormView(saved, programme, cycle, values: issues.isEmpty ? ProfileFields.text(of: saved.profile) : values,
                                       issues: issues, saved: issues.isEmpty, csrf: context.session?.csrfToken ?? "")
            return pages.render(.profile, view, for: context, status: issues.isEmpty ? .ok : .unprocessableContent)
        }
    }

    private func load(_ context: LodestarContext, _ doing: String) async throws -> (Enrolment, Programme, Cycle) {
        let page = try await ProfilePage.read(try context.parameters.id(of: "enrolment"), for: try context.signedIn(), doing: doing, store)
        return (page.enrolment, page.programme, page.cycle)
    }
}

/// The profile form: every field with its value, a hint, and its problem if it has one.
struct ProfileFormView {
    let title = "Mentoring profile"
    let profileHref: String
    let programme: String
    let cycle: String
    let role: String
    let fields: [Field]
    /// Problems that belong to no field (e.g. the cycle no longer takes changes).
    let general: [String]
    let saved: Bool
    let missing: [String]
    let csrf: String

    struct Field {
        let name: String
        let label: String
        let hint: String
        let value: String
        let problem: String?
        let long: Bool
        /// For a field with a fixed set of answers: the choices, the current one selected.
        let choices: [Choice]
        let hasChoices: Bool
    }

    struct Choice {
        let value: String
        let selected: Bool
    }

    init(_ enrolment: Enrolment, _ programme: Programme, _ cycle: Cycle, values: [String: String], issues: [FieldIssue], saved: Bool, csrf: String) {
        profileHref = SiteURL.profile(.value(enrolment.id)).path
        self.programme = programme.name
        self.cycle = cycle.name
        role = enrolment.role.rawValue
        fields = Self.fields(for: enrolment.role, values: values, issues: issues)
        general = issues.filter { !ProfileFields.names.contains($0.field) }.map { "\($0.field): \($0.message)" }
        self.saved = saved
        missing = saved ? enrolment.profile.missing(for: enrolment.role) : []
        self.csrf = csrf
    }

    /// The profile's fields for `role`, each with its label, hint, value and problem.
    static func fields(for role: EnrolmentRole, values: [String: String], issues: [FieldIssue]) -> [Field] {
        let labels: [String: (String, String)] = [
            "skills": (role == .mentor ? "Skills you can mentor in" : "Your strongest skills",
                       "competency:proficiency 1–5, separated by ';' — e.g. coaching:4; delegation:3"),
            "development_goals": ("Development goals", "competency:priority 1 (most wanted)–3 — e.g. strategic-thinking:1"),
            "interests": ("Interests", "separated by ';' — e.g. cycling; jazz"),
            "communication_style": ("Communication style", CommunicationStyle.allCases.map(\.rawValue).joined(separator: ", ")),
            "learning_preference": ("Learning preference", LearningPreference.allCases.map(\.rawValue).joined(separator: ", ")),
            "meeting_mode": ("Meeting mode", MeetingMode.allCases.map(\.rawValue).joined(separator: ", ")),
            "availability": ("Weekly availability (your time zone)", "e.g. mon 09:00-11:00; wed 14:00-15:30"),
            "capacity": ("How many mentees you can take", "mentors only, \(ProfileRules.capacityRange.lowerBound)–\(ProfileRules.capacityRange.upperBound)"),
            "career_goals": ("Career goals", "a sentence or two, in your words"),
        ]
        let answers: [String: [String]] = [
            "communication_style": [""] + CommunicationStyle.allCases.map(\.rawValue),
            "learning_preference": [""] + LearningPreference.allCases.map(\.rawValue),
            "meeting_mode": MeetingMode.allCases.map(\.rawValue),
        ]
        let byField = ValidationError(issues).messagesByField
        return ProfileFields.names.filter { role == .mentor || $0 != "capacity" }.map { name in
            let value = values[name] ?? ""
            let choices = (answers[name] ?? []).map { Choice(value: $0, selected: $0 == value) }
            return Field(name: name, label: labels[name]?.0 ?? name, hint: answers[name] == nil ? labels[name]?.1 ?? "" : "",
                         value: value, problem: byField[name], long: name == "career_goals",
                         choices: choices, hasChoices: !choices.isEmpty)
        }
    }
}
