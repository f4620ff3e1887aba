/// What a participant brings and wants (PRODUCT.md M3); the input of match scoring.
public struct MentoringProfile: Sendable, Hashable, Codable {
    /// Competencies offered, with proficiency 1 (some) … 5 (expert).
    public var skills: [Skill]
    /// Competencies to develop, priority 1 (most wanted) … 3.
    public var developmentGoals: [DevelopmentGoal]
    public var interests: [String]
    public var communicationStyle: CommunicationStyle?
    public var learningPreference: LearningPreference?
    public var meetingMode: MeetingMode
    /// Weekly free time in the person's own time zone.
    public var availability: WeeklyAvailability
    /// How many mentees a mentor takes; nil for mentees.
    public var capacity: Int?
    public var careerGoals: String

    /// Creates a profile.
    public init(
        skills: [Skill] = [], developmentGoals: [DevelopmentGoal] = [], interests: [String] = [],
        communicationStyle: CommunicationStyle? = nil, learningPreference: LearningPreference? = nil,
        meetingMode: MeetingMode = .either, availability: WeeklyAvailability = WeeklyAvailability(),
        capacity: Int? = nil, careerGoals: String = ""
    ) {
        self.skills = skills
        self.developmentGoals = developmentGoals
        self.interests = interests
        self.communicationStyle = communicationStyle
        self.learningPreference = learningPreference
        self.meetingMode = meetingMode
        self.availability = availability
        self.capacity = capacity
        self.careerGoals = careerGoals
    }
}

/// A competency a mentor offers, with how well.
public struct Skill: Sendable, Hashable, Codable {
    public var competency: String
    public var proficiency: Int
    /// Creates a skill.
    public init(competency: String, proficiency: Int) {
        self.competency = competency
        self.proficiency = proficiency
    }
    /// Valid proficiencies.
    public static let proficiencyRange = 1...5
}

/// A competency a mentee wants to develop, with how much it matters.
public struct DevelopmentGoal: Sendable, Hashable, Codable {
    public var competency: String
    public var priority: Int
    /// Creates a development goal.
    public init(competency: String, priority: Int) {
        self.competency = competency
        self.priority = priority
    }
    /// Valid priorities, 1 being the most wanted.
    public static let priorityRange = 1...3
}

/// How a person prefers to talk things through.
public enum CommunicationStyle: String, Sendable, Codable, CaseIterable, Choice {
    case direct, reflective, analytical, expressive
}

/// How a person prefers to learn.
public enum LearningPreference: String, Sendable, Codable, CaseIterable, Choice {
    case discussion, handsOn = "hands-on", reading, observation
}

/// Where a pair can meet.
public enum MeetingMode: String, Sendable, Codable, CaseIterable, Choice {
    case inPerson = "in-person", virtual, either
}
