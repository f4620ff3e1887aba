import Foundation
import LodestarCore

/// A survey question as the API shows and takes it.
struct SurveyQuestionBody: Codable, Hashable, Sendable {
    let kind: SurveyQuestionKind
    let text: String
    let options: [String]?

    init(_ question: SurveyQuestion) {
        kind = question.kind
        text = question.text
        options = question.options.isEmpty ? nil : question.options
    }
}

/// A programme's survey template.
struct SurveyTemplateBody: Encodable, Hashable, Sendable {
    let id: String
    let programmeId: String
    let title: String
    let moment: SurveyMoment
    let audience: [EnrolmentRole]
    let questions: [SurveyQuestionBody]
    let addedBy: String
    let addedAt: Date

    init(_ template: SurveyTemplate) {
        id = template.id.description
        programmeId = template.programmeID.description
        title = template.title
        moment = template.moment
        audience = template.audience
        questions = template.questions.map(SurveyQuestionBody.init)
        addedBy = template.added.by
        addedAt = template.added.at
    }
}

/// A new template.
struct SurveyTemplateInput: Decodable, Sendable {
    let title: String
    let moment: SurveyMoment
    let audience: [EnrolmentRole]
    let questions: [SurveyQuestionBody]
}

/// When a scheduled survey opens and closes, and where it stands.
struct SurveyTimingBody: Encodable, Hashable, Sendable {
    let anchor: SurveyAnchor
    let days: Int
    let openDays: Int
    let state: SurveyState
    let opensAt: Date?
    let closesAt: Date?

    init(_ survey: Survey, _ state: SurveyState, _ window: DateInterval?) {
        anchor = survey.anchor
        days = survey.days
        openDays = survey.openDays
        self.state = state
        opensAt = window?.start
        closesAt = window?.end
    }
}

/// A survey scheduled in a cycle, for its managers.
struct SurveyStatusBody: Encodable, Hashable, Sendable {
    let id: String
    let cycleId: String
    let templateId: String
    let title: String
    let timing: SurveyTimingBody
    let responded: Int

    init(_ status: SurveyStatus) {
        id = status.survey.id.description
        cycleId = status.cycle.id.description
        templateId = status.template.id.description
        title = status.template.title
        timing = SurveyTimingBody(status.survey, status.state, status.window)
        responded = status.responded
    }
}

/// A programme's templates and the surveys of its cycles.
struct ProgrammeSurveysBody: Encodable, Hashable, Sendable {
    let programmeId: String
    let templates: [SurveyTemplateBody]
    let surveys: [SurveyStatusBody]

    init(_ found: ProgrammeSurveys) {
        programmeId = found.programme.id.description
        templates = found.templates.map(SurveyTemplateBody.init)
        surveys = found.surveys.map(SurveyStatusBody.init)
    }
}

/// Scheduling a template in a cycle.
struct SurveyScheduleInput: Decodable, Sendable {
    let templateId: String
    let anchor: SurveyAnchor
    let days: Int
    let openDays: Int
}

/// One answer: a number (scale, NPS, a single choice's position), choices, or text.
struct SurveyAnswerBody: Codable, Hashable, Sendable {
    let number: Int?
    let choices: [Int]?
    let text: String?

    init(_ answer: SurveyAnswer) {
        switch answer {
        case .number(let value): (number, choices, text) = (value, nil, nil)
        case .choices(let values): (number, choices, text) = (nil, values, nil)
        case .text(let value): (number, choices, text) = (nil, nil, value)
        case .none: (number, choices, text) = (nil, nil, nil)
        }
    }
}

/// Answers to a survey, one per question in order.
struct SurveyAnswerInput: Decodable, Sendable {
    let answers: [SurveyAnswerBody]
    let named: Bool?
}

/// The caller's answers to a survey.
struct SurveyResponseBody: Encodable, Hashable, Sendable {
    let surveyId: String
    let role: EnrolmentRole
    let answers: [SurveyAnswerBody]
    let named: Bool
    let submittedAt: Date

    init(_ response: SurveyResponse) {
        surveyId = response.surveyID.description
        role = response.role
        answers = response.answers.map(SurveyAnswerBody.init)
        named = response.named
        submittedAt = response.submittedAt
    }
}

/// A survey with its questions, and the caller's answers.
struct SurveyBody: Encodable, Hashable, Sendable {
    let id: String
    let programmeId: String
    let cycleId: String
    let title: String
    let moment: SurveyMoment
    let questions: [SurveyQuestionBody]
    let timing: SurveyTimingBody
    let role: EnrolmentRole?
    let response: SurveyResponseBody?

    init(_ reading: SurveyReading) {
        id = reading.survey.id.description
        programmeId = reading.programme.id.description
        cycleId = reading.cycle.id.description
        title = reading.template.title
        moment = reading.template.moment
        questions = reading.template.questions.map(SurveyQuestionBody.init)
        timing = SurveyTimingBody(reading.survey, reading.state, reading.window)
        role = reading.role
        response = reading.response.map(SurveyResponseBody.init)
    }
}

/// A survey the caller is asked to answer.
struct SurveyInvitationBody: Encodable, Hashable, Sendable {
    let id: String
    let cycleId: String
    let title: String
    let role: EnrolmentRole
    let timing: SurveyTimingBody
    let answeredAt: Date?

    init(_ invitation: SurveyInvitation) {
        id = invitation.survey.id.description
        cycleId = invitation.cycle.id.description
        title = invitation.template.title
        role = invitation.role
        timing = SurveyTimingBody(invitation.survey, invitation.state, invitation.window)
        answeredAt = invitation.response?.submittedAt
    }
}

/// A survey's results: groups' figures, small groups hidden, comments that may be shown.
struct SurveyResultsBody: Encodable, Hashable, Sendable {
    struct Count: Encodable, Hashable, Sendable {
        let label: String
        let count: Int
    }
    struct Figures: Encodable, Hashable, Sendable {
        let question: Int
        let answered: Int
        let mean: Double?
        let netPromoterScore: Int?
        let counts: [Count]
    }
    struct Group: Encodable, Hashable, Sendable {
        let label: String
        let hidden: Bool
        let respondents: Int?
        let figures: [Figures]
    }
    struct Breakdown: Encodable, Hashable, Sendable {
        let name: String
        let groups: [Group]
    }
    struct Comment: Encodable, Hashable, Sendable {
        let question: String
        let text: String
        let name: String?
    }
    let surveyId: String
    let title: String
    let timing: SurveyTimingBody
    let invited: Int
    let responded: Int
    let minimumGroup: Int
    let breakdowns: [Breakdown]
    let comments: [Comment]

    init(_ results: SurveyResults) {
        surveyId = results.survey.id.description
        title = results.template.title
        timing = SurveyTimingBody(results.survey, results.state, results.window)
        invited = results.invited
        responded = results.responded
        minimumGroup = SmallGroups.minimum
        breakdowns = results.breakdowns.map { breakdown in
            Breakdown(name: breakdown.name, groups: breakdown.groups.map { group in
                Group(label: group.label, hidden: group.hidden, respondents: group.respondents, figures: group.questions.map { figures in
                    Figures(question: figures.index, answered: figures.answered, mean: figures.mean, netPromoterScore: figures.netPromoterScore,
                            counts: figures.counts.map { Count(label: $0.label, count: $0.count) })
                })
            })
        }
        comments = results.comments.map { Comment(question: $0.question.text, text: $0.text, name: $0.name) }
    }
}
