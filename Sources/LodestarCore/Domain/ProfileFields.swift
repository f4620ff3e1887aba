/// A mentoring profile as named text fields — the enrolment CSV's columns and the profile form's
/// inputs: `skills`, `development_goals`, `interests`, `communication_style`, `learning_preference`,
/// `meeting_mode`, `availability`, `capacity`, `career_goals`.
public enum ProfileFields {
    /// Every field name, in form order.
    public static let names = ["skills", "development_goals", "interests", "communication_style",
                               "learning_preference", "meeting_mode", "availability", "capacity", "career_goals"]

    /// Reads the fields (`value(name)` gives "" for an absent one) into a profile for `role`, or
    /// the problem of every field that is wrong, each named.
    public static func parse(_ value: (String) -> String, role: EnrolmentRole, competencies: Set<String>) -> (profile: MentoringProfile?, issues: [FieldIssue]) {
        var issues: [FieldIssue] = []
        func field<T>(_ name: String, _ parse: (String) throws(FieldProblem) -> T) -> T? {
            do { return try parse(value(name).trimmingCharacters(in: .whitespaces)) } catch {
                issues.append(FieldIssue(field: name, message: error.message))
                return nil
            }
        }
        let skills = field("skills") { text throws(FieldProblem) in
            try ProfileRules.ratedList(text, what: "proficiency").map { Skill(competency: $0.0, proficiency: $0.1) }
        }
        let goals = field("development_goals") { text throws(FieldProblem) in
            try ProfileRules.ratedList(text, what: "priority").map { DevelopmentGoal(competency: $0.0, priority: $0.1) }
        }
        let style = field("communication_style") { text throws(FieldProblem) in try ProfileRules.choice(text, as: CommunicationStyle.self) }
        let learning = field("learning_preference") { text throws(FieldProblem) in try ProfileRules.choice(text, as: LearningPreference.self) }
        let mode = field("meeting_mode") { text throws(FieldProblem) in try ProfileRules.choice(text, as: MeetingMode.self) }
        let availability = field("availability") { text throws(FieldProblem) in try WeeklyAvailability.parse(text) }
        let capacity = field("capacity") { text throws(FieldProblem) -> Int? in
            guard !text.isEmpty else { return nil }
            guard let number = WholeNumber.parse(text) else { throw FieldProblem("'\(text)' is not a whole number of mentees") }
            return number
        }
        guard let skills, let goals, let style, let learning, let mode, let availability, let capacity else { return (nil, issues) }
        let profile = MentoringProfile(
            skills: skills, developmentGoals: goals, interests: ListField.split(value("interests")),
            communicationStyle: style, learningPreference: learning, meetingMode: mode ?? .either,
            availability: availability, capacity: capacity, careerGoals: value("career_goals").trimmingCharacters(in: .whitespaces))
        issues += ProfileRules.issues(in: profile, role: role, competencies: competencies)
        return (profile, issues)
    }

    /// The profile as fields, to fill a form.
    public static func text(of profile: MentoringProfile) -> [String: String] {
        [
            "skills": ListField.join(profile.skills.map { "\($0.competency):\($0.proficiency)" }),
            "development_goals": ListField.join(profile.developmentGoals.map { "\($0.competency):\($0.priority)" }),
            "interests": ListField.join(profile.interests),
            "communication_style": profile.communicationStyle?.rawValue ?? "",
            "learning_preference": profile.learningPreference?.rawValue ?? "",
            "meeting_mode": profile.meetingMode.rawValue,
            "availability": profile.availability.text,
            "capacity": profile.capacity.map(String.init) ?? "",
            "career_goals": profile.careerGoals,
        ]
    }
}
