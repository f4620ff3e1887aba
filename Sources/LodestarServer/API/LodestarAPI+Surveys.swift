import Foundation
import LodestarCore
import OpenAPIRuntime

/// `/api/v1/programmes/{id}/surveys`, `/api/v1/cycles/{id}/surveys` and `/api/v1/surveys`:
/// templates, schedules, answers and results — the pages' use cases.
extension LodestarAPI {
    func getProgrammeSurveys(_ input: Operations.GetProgrammeSurveys.Input) async throws -> Operations.GetProgrammeSurveys.Output {
        let found = try await surveys().programme(try Identifier(path: input.path.id, of: "programme"), now: try APIRequest.current().now)
        return .ok(.init(body: .json(ProgrammeSurveysBody(found))))
    }

    func addSurveyTemplate(_ input: Operations.AddSurveyTemplate.Input) async throws -> Operations.AddSurveyTemplate.Output {
        let context = try APIRequest.current()
        let id: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        _ = try await store.programme(id, managedBy: try context.signedIn(), "writing a survey")
        let body = switch input.body { case .json(let json): try json.read() }
        // The same rules as the form's lines: each question written as a line and read back.
        let lines = body.questions.map { ([$0.kind.rawValue + ": " + $0.text] + ($0.options ?? [])).joined(separator: " | ") }
        let questions = try SurveyQuestion.parse(lines.joined(separator: "\n"))
        let template = try await surveys().addTemplate(to: id, title: body.title, moment: body.moment, audience: body.audience, questions: questions, now: context.now)
        return .created(.init(body: .json(SurveyTemplateBody(template))))
    }

    func listCycleSurveys(_ input: Operations.ListCycleSurveys.Input) async throws -> Operations.ListCycleSurveys.Output {
        let found = try await surveys().cycle(try Identifier(path: input.path.id, of: "cycle"), now: try APIRequest.current().now)
        return .ok(.init(body: .json(ListBody(Page(items: found, total: found.count, request: .everything), SurveyStatusBody.init))))
    }

    func scheduleSurvey(_ input: Operations.ScheduleSurvey.Input) async throws -> Operations.ScheduleSurvey.Output {
        let context = try APIRequest.current()
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let (_, programme) = try await store.cycleAndProgramme(cycleID)
        try context.signedIn().requireManager(of: programme, "scheduling a survey")
        let body = switch input.body { case .json(let json): try json.read() }
        guard let template = SurveyTemplate.ID(body.templateId) else {
            throw ValidationError([FieldIssue(field: "templateId", message: "'\(body.templateId)' is not a survey template id")])
        }
        let survey = try await surveys().schedule(template, in: cycleID, anchor: body.anchor, days: body.days, openDays: body.openDays, now: context.now)
        guard let status = try await surveys().cycle(cycleID, now: context.now).first(where: { $0.survey.id == survey.id }) else { throw NotFound("survey", survey.id) }
        return .created(.init(body: .json(SurveyStatusBody(status))))
    }

    func listMySurveys(_ input: Operations.ListMySurveys.Input) async throws -> Operations.ListMySurveys.Output {
        let mine = try await surveys().mine(now: try APIRequest.current().now)
        return .ok(.init(body: .json(ListBody(Page(items: mine, total: mine.count, request: .everything), SurveyInvitationBody.init))))
    }

    func getSurvey(_ input: Operations.GetSurvey.Input) async throws -> Operations.GetSurvey.Output {
        let reading = try await surveys().survey(try Identifier(path: input.path.id, of: "survey"), now: try APIRequest.current().now)
        return .ok(.init(body: .json(SurveyBody(reading))))
    }

    func answerSurvey(_ input: Operations.AnswerSurvey.Input) async throws -> Operations.AnswerSurvey.Output {
        let context = try APIRequest.current()
        let id: Survey.ID = try Identifier(path: input.path.id, of: "survey")
        _ = try await surveys().survey(id, now: context.now)
        let body = switch input.body { case .json(let json): try json.read() }
        let values = body.answers.map { answer -> [String] in
            (answer.number.map { [String($0)] } ?? []) + (answer.choices ?? []).map(String.init) + (answer.text.map { [$0] } ?? [])
        }
        let response = try await surveys().answer(id, values: values, named: body.named ?? false, now: context.now)
        return .ok(.init(body: .json(SurveyResponseBody(response))))
    }

    func getSurveyResults(_ input: Operations.GetSurveyResults.Input) async throws -> Operations.GetSurveyResults.Output {
        let results = try await surveys().results(try Identifier(path: input.path.id, of: "survey"), now: try APIRequest.current().now)
        return .ok(.init(body: .json(SurveyResultsBody(results))))
    }

    func exportSurveyResults(_ input: Operations.ExportSurveyResults.Input) async throws -> Operations.ExportSurveyResults.Output {
        let results = try await surveys().results(try Identifier(path: input.path.id, of: "survey"), now: try APIRequest.current().now)
        let csv = CSVText.write(header: SurveyResults.csvHeader, rows: results.csvRows)
        return .ok(.init(headers: .init(contentDisposition: #"attachment; filename="survey-results.csv""#), body: .csv(HTTPBody(csv))))
    }

    private func surveys() throws -> Surveys { Surveys(store: store, principal: try APIRequest.principal()) }
}
