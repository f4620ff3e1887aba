/// The four interdependent dimensions a programme is checked on before it starts (seed 004):
/// the organisation around it, the programme itself, its participants, and how each person's
/// development is defined and met.
public enum ReadinessDimension: String, Sendable, Codable, CaseIterable, Choice {
    case organisation, programme, participants, development

    /// "Organisation".
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// What the dimension asks about, in a line.
    public var scope: String {
        switch self {
        case .organisation: "culture, sponsorship, relationships between levels, resources"
        case .programme: "goals, what it entails, how people are matched, how long it lasts"
        case .participants: "commitment, and the mentors' mentoring skills"
        case .development: "how each person's outcomes are defined, and how their needs are met"
        }
    }
}

/// One question of the readiness check, with what to do while the answer is not yet "yes".
public struct ReadinessQuestion: Sendable, Equatable, Identifiable {
    /// Stable across releases: answers are stored under it ("organisation.culture").
    public let id: String
    public let dimension: ReadinessDimension
    public let text: String
    /// The suggested action for a gap.
    public let action: String

    /// The check's questions, by dimension, in the order a page asks them.
    public static let all: [ReadinessQuestion] = [
        .init(id: "organisation.culture", dimension: .organisation,
              text: "Does the organisation's culture support mentoring — do leaders see developing others as part of their job?",
              action: "Brief the leadership team on the programme's purpose, and make time spent mentoring count in leaders' objectives."),
        .init(id: "organisation.sponsor", dimension: .organisation,
              text: "Does a senior sponsor back the programme and speak for it?",
              action: "Ask a member of the executive team to sponsor the programme: to open it, and to hear its results."),
        .init(id: "organisation.relationships", dimension: .organisation,
              text: "Are there already strong relationships between senior and more junior leaders?",
              action: "Bring senior and junior leaders together before pairs are made — a speed-mentoring event or open office hours."),
        .init(id: "organisation.resources", dimension: .organisation,
              text: "Will the organisation provide the resources — time in working hours, budget, someone to run it — to underpin the programme?",
              action: "Agree in writing the hours a month participants may spend, the budget, and who manages the programme."),
        .init(id: "programme.goals", dimension: .programme,
              text: "Are the programme's specific goals written down, with what success looks like?",
              action: "Write the programme's objectives on its settings, each with a measure the cycle's evaluation can check."),
        .init(id: "programme.structure", dimension: .programme,
              text: "Is it decided what the programme entails — format, meetings and their cadence, the agreement, the guides?",
              action: "Set the format and cadence on the programme, and prepare the mentoring agreement and the participants' guides."),
        .init(id: "programme.matching", dimension: .programme,
              text: "Is it decided how mentors and mentees will be matched, and which rules no pair may break?",
              action: "Choose the matching weights and hard rules in the programme's settings, then try a plan on the enrolled cohort."),
        .init(id: "programme.duration", dimension: .programme,
              text: "Is it decided how long the programme lasts, and what happens at its end?",
              action: "Set the duration in weeks, and plan the close: evaluation, celebration, and the next cycle's rotation."),
        .init(id: "participants.commitment", dimension: .participants,
              text: "Will the mentors and the mentees be committed — do they volunteer, and do their line managers give them the time?",
              action: "Invite people to apply instead of assigning them, and ask each participant's line manager to agree to the time."),
        .init(id: "participants.mentoring-skills", dimension: .participants,
              text: "Do the mentors have mentoring skills now — listening, questioning, giving feedback — not only seniority?",
              action: "Train mentors before matching (the mentor handbook and a short session), and pair new mentors with experienced ones."),
        .init(id: "development.outcomes", dimension: .development,
              text: "Is it defined how each person's developmental outcomes are set — goals per mentee, tied to the focus competencies?",
              action: "Ask each mentee to set goals on the programme's focus competencies in the first month, agreed with their mentor."),
        .init(id: "development.needs", dimension: .development,
              text: "Is it clear how each person's needs will be met by the programme, and how their progress is reviewed?",
              action: "Plan a mid-cycle review of each pair's goals, and a way to re-match a pair that does not work."),
    ]

    /// The question with `id`, if there is one.
    public static func named(_ id: String) -> ReadinessQuestion? { all.first { $0.id == id } }
}

/// An answer to a readiness question.
public enum ReadinessLevel: String, Sendable, Codable, CaseIterable, Choice {
    case yes, partly, no

    /// What the answer adds to its dimension's score, out of 1.
    var credit: Double {
        switch self {
        case .yes: 1
        case .partly: 0.5
        case .no: 0
        }
    }
}
