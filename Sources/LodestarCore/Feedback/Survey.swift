import Foundation

/// When in a programme's life a template's survey is meant to be asked.
public enum SurveyMoment: String, Sendable, Codable, CaseIterable, Choice {
    case midCycle = "mid-cycle"
    case endOfCycle = "end-of-cycle"
    case afterProgramme = "after-programme"

    /// The words pages use.
    public var words: String {
        switch self {
        case .midCycle: "mid-cycle"
        case .endOfCycle: "end of cycle"
        case .afterProgramme: "after the programme"
        }
    }

    /// Where a schedule starts counting for this moment, unless the manager says otherwise.
    public var usualAnchor: SurveyAnchor {
        switch self {
        case .midCycle: .afterMatching
        case .endOfCycle: .beforeEnd
        case .afterProgramme: .afterEnd
        }
    }
}

/// A programme's survey, reusable in each of its cycles: for whom, and its questions.
public struct SurveyTemplate: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<SurveyTemplate>

    public var id: ID
    public var programmeID: Programme.ID
    public var title: String
    public var moment: SurveyMoment
    /// The roles asked: mentors, mentees or both.
    public var audience: [EnrolmentRole]
    public var questions: [SurveyQuestion]
    public var added: Attribution

    /// Creates a template.
    public init(id: ID = ID(), programmeID: Programme.ID, title: String, moment: SurveyMoment, audience: [EnrolmentRole], questions: [SurveyQuestion], added: Attribution) {
        self.id = id
        self.programmeID = programmeID
        self.title = title
        self.moment = moment
        self.audience = audience
        self.questions = questions
        self.added = added
    }
}

/// What a survey's opening day counts from.
public enum SurveyAnchor: String, Sendable, Codable, CaseIterable, Choice {
    /// The day the cycle's matching was published (its first relationship began).
    case afterMatching = "after-matching"
    /// The cycle's end date.
    case beforeEnd = "before-end"
    case afterEnd = "after-end"

    public var words: String {
        switch self {
        case .afterMatching: "days after matching"
        case .beforeEnd: "days before the end"
        case .afterEnd: "days after the end"
        }
    }
}

/// A template asked in one cycle: when it opens, counted from the cycle's matching or end, and
/// how many days it stays open.
public struct Survey: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Survey>

    public var id: ID
    public var cycleID: Cycle.ID
    public var templateID: SurveyTemplate.ID
    public var anchor: SurveyAnchor
    public var days: Int
    public var openDays: Int
    public var added: Attribution

    /// Creates a scheduled survey.
    public init(id: ID = ID(), cycleID: Cycle.ID, templateID: SurveyTemplate.ID, anchor: SurveyAnchor, days: Int, openDays: Int, added: Attribution) {
        self.id = id
        self.cycleID = cycleID
        self.templateID = templateID
        self.anchor = anchor
        self.days = days
        self.openDays = openDays
        self.added = added
    }

    /// The limits of `days` and `openDays`.
    public static let dayRange = 0...365, openDayRange = 1...90

    /// The problems with a schedule's numbers, by field.
    public static func issues(days: Int, openDays: Int) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if !dayRange.contains(days) { issues.append(FieldIssue(field: "days", message: "\(days) is out of range; give \(dayRange.lowerBound) to \(dayRange.upperBound) days")) }
        if !openDayRange.contains(openDays) {
            issues.append(FieldIssue(field: "openDays", message: "\(openDays) is out of range; keep a survey open \(openDayRange.lowerBound) to \(openDayRange.upperBound) days"))
        }
        return issues
    }

    /// When it opens and closes, from the cycle's end date and the day its matching was
    /// published; nil while the day it counts from is not known yet.
    public func window(end: Date?, matchedAt: Date?) -> DateInterval? {
        let day = TimeInterval(86_400)
        // The numbers were range-checked when scheduled and are again here: stored values too.
        guard Self.dayRange.contains(days), Self.openDayRange.contains(openDays) else { return nil }
        let opens: Date? = switch anchor {
        case .afterMatching: matchedAt.map { $0.addingTimeInterval(Double(days) * day) }
        case .beforeEnd: end.map { $0.addingTimeInterval(-Double(days) * day) }
        case .afterEnd: end.map { $0.addingTimeInterval(Double(days) * day) }
        }
        return opens.map { DateInterval(start: $0, duration: Double(openDays) * day) }
    }
}

/// Where a survey stands at a moment.
public enum SurveyState: String, Sendable, Codable, Choice {
    /// The day it counts from is not known yet (no matching published, no end date).
    case unscheduled
    case upcoming
    case open
    case closed

    /// The state of a survey opening and closing as `window` says, at `now`.
    public init(_ window: DateInterval?, at now: Date) {
        guard let window else { self = .unscheduled; return }
        self = now < window.start ? .upcoming : (now < window.end ? .open : .closed)
    }
}

/// One person's answers to a survey; a second submission while it is open replaces the first.
public struct SurveyResponse: Sendable, Equatable {
    public let surveyID: Survey.ID
    public let personID: Person.ID
    /// The role they answered in (a breakdown of the results).
    public let role: EnrolmentRole
    /// One per question, in the template's order.
    public let answers: [SurveyAnswer]
    /// Whether their free-text answers may be shown with their name; otherwise they are shown
    /// without it, and only where the group is large enough.
    public let named: Bool
    public let submittedAt: Date

    /// Creates a response.
    public init(surveyID: Survey.ID, personID: Person.ID, role: EnrolmentRole, answers: [SurveyAnswer], named: Bool, submittedAt: Date) {
        self.surveyID = surveyID
        self.personID = personID
        self.role = role
        self.answers = answers
        self.named = named
        self.submittedAt = submittedAt
    }
}
