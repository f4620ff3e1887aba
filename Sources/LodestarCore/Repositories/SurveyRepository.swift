import Foundation

/// Survey templates, the surveys scheduled in cycles, their responses, and the messages sent about them.
public protocol SurveyRepository: Sendable {
    /// The templates of these programmes, by title.
    func surveyTemplates(of programmes: Set<Programme.ID>) async throws -> [SurveyTemplate]
    func surveyTemplate(_ id: SurveyTemplate.ID) async throws -> SurveyTemplate?
    func save(_ template: SurveyTemplate) async throws
    /// The surveys scheduled in these cycles.
    func surveys(in cycles: Set<Cycle.ID>) async throws -> [Survey]
    /// The surveys of every cycle in one of these states, for the job that announces them.
    func surveys(ofCyclesIn states: Set<CycleState>) async throws -> [Survey]
    func survey(_ id: Survey.ID) async throws -> Survey?
    func save(_ survey: Survey) async throws
    /// When each of these cycles' matching was published: its first relationship's start.
    func matchedAt(_ cycles: Set<Cycle.ID>) async throws -> [Cycle.ID: Date]
    /// Every response to a survey.
    func responses(to survey: Survey.ID) async throws -> [SurveyResponse]
    /// How many answered each of these surveys.
    func responseCounts(of surveys: Set<Survey.ID>) async throws -> [Survey.ID: Int]
    /// The surveys, of these, that this person answered.
    func answered(_ surveys: Set<Survey.ID>, by person: Person.ID) async throws -> [Survey.ID: SurveyResponse]
    /// Records a response; a person's second response to a survey replaces their first.
    func save(_ response: SurveyResponse) async throws
    /// Who has been sent the message `kind` ("opened", "reminder") about a survey.
    func surveyNotices(of survey: Survey.ID, kind: String) async throws -> Set<Person.ID>
    /// Claims the message `kind` about a survey to a person: true for the one caller that
    /// records it first, on any server.
    func claimSurveyNotice(of survey: Survey.ID, to person: Person.ID, kind: String, now: Date) async throws -> Bool
}
