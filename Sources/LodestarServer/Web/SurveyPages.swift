import Foundation
import Hummingbird
import LodestarCore

/// Surveys in the browser: a programme's managers write and schedule them and read the results;
/// the people asked answer — the same use cases as the API.
struct SurveyPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.programmeSurveys(.key)) { _, context in
            try await programme(context)
        }
        router.post(.programmeSurveys(.key)) { request, context in
            let programmeID: Programme.ID = try context.parameters.id(of: "programme")
            var request = request
            let form = try await FormBody.pairs(of: &request)
            let fields = Dictionary(form, uniquingKeysWith: { _, last in last })
            let audience = form.filter { $0.0 == "audience" }.map(\.1)
            do {
                let moment = try SurveyMoment.parse(fields["moment"] ?? "", field: "moment")
                let roles = try audience.map { try EnrolmentRole.parse($0, field: "audience") }
                let questions = try SurveyQuestion.parse(fields["questions"] ?? "")
                _ = try await surveys(context).addTemplate(to: programmeID, title: fields["title"] ?? "", moment: moment, audience: roles, questions: questions, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.programmeSurveys(.value(programmeID)).path])
            } catch let error as ValidationError {
                var entered = fields
                entered["audience"] = audience.joined(separator: ",")
                return try await programme(context, entered: entered, issues: error.issues).response(from: request, context: context)
            }
        }
        router.post(.scheduleSurvey(.key)) { request, context in
            let programmeID: Programme.ID = try context.parameters.id(of: "programme")
            let form = try await FormBody.fields(request)
            do {
                guard let template = SurveyTemplate.ID(form["template"] ?? "") else { throw ValidationError([FieldIssue(field: "template", message: "choose a survey")]) }
                guard let cycle = Cycle.ID(form["cycle"] ?? "") else { throw ValidationError([FieldIssue(field: "cycle", message: "choose a cycle")]) }
                let anchor = try SurveyAnchor.parse(form["anchor"] ?? "", field: "anchor")
                let days = try Self.number(form["days"], field: "days"), openDays = try Self.number(form["openDays"], field: "openDays")
                _ = try await surveys(context).schedule(template, in: cycle, anchor: anchor, days: days, openDays: openDays, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.programmeSurveys(.value(programmeID)).path])
            } catch let error as ValidationError {
                return try await programme(context, entered: form, issues: error.issues, scheduling: true).response(from: request, context: context)
            }
        }
        router.get(.survey(.key)) { _, context in
            try await survey(try context.parameters.id(of: "survey"), context)
        }
        router.post(.survey(.key)) { request, context in
            let id: Survey.ID = try context.parameters.id(of: "survey")
            let reading = try await surveys(context).survey(id, now: context.now)
            let form = try await FormBody.pairs(request)
            let values = reading.template.questions.indices.map { index in form.filter { $0.0 == "q\(index)" }.map(\.1) }
            let named = form.contains { $0.0 == "named" }
            do {
                _ = try await surveys(context).answer(id, values: values, named: named, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.survey(.value(id)).path])
            } catch let error as ValidationError {
                return try await survey(id, context, values: values, named: named, issues: error.issues).response(from: request, context: context)
            }
        }
        router.get(.survey(.key, .results)) { _, context in
            let results = try await surveys(context).results(try context.parameters.id(of: "survey"), now: context.now)
            return pages.render(.surveyResults, SurveyResultsView(results), for: context)
        }
        router.get(.survey(.key, .resultsCSV)) { _, context in
            let results = try await surveys(context).results(try context.parameters.id(of: "survey"), now: context.now)
            let csv = CSVText.write(header: SurveyResults.csvHeader, rows: results.csvRows)
            return Response.csv(csv, named: "survey-results.csv")
        }
    }

    private func surveys(_ context: LodestarContext) throws -> Surveys { Surveys(store: store, principal: try context.signedIn()) }

    /// A whole number from a form field, or what to fix.
    static func number(_ text: String?, field: String) throws(ValidationError) -> Int {
        guard let value = WholeNumber.parse(text ?? "") else { throw ValidationError([FieldIssue(field: field, message: "give a whole number of days")]) }
        return value
    }

    private func programme(_ context: LodestarContext, entered: [String: String] = [:], issues: [FieldIssue] = [], scheduling: Bool = false) async throws -> HTML {
        let found = try await surveys(context).programme(try context.parameters.id(of: "programme"), now: context.now)
        var entered = entered
        if entered["days"] == nil { entered["days"] = "30" }
        if entered["openDays"] == nil { entered["openDays"] = "14" }
        if entered["questions"] == nil && found.templates.isEmpty { entered["questions"] = Self.example }
        let view = ProgrammeSurveysView(found, entered: entered, issues: issues, scheduling: scheduling, csrf: context.session?.csrfToken ?? "")
        return pages.render(.programmeSurveys, view, for: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    private func survey(_ id: Survey.ID, _ context: LodestarContext, values: [[String]] = [], named: Bool? = nil, issues: [FieldIssue] = []) async throws -> HTML {
        let view = SurveyView(try await surveys(context).survey(id, now: context.now), values: values, named: named, issues: issues, csrf: context.session?.csrfToken ?? "")
        return pages.render(.survey, view, for: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    /// The questions a first survey starts from, to change at will.
    static let example = """
        scale: How useful have your mentoring meetings been?
        scale: How well does your mentoring partner fit what you hoped for?
        single: How often did you meet? | More than agreed | As agreed | Less than agreed
        multiple: What helped most? | The agreement | Goals | Regular meetings | Training | The programme's resources
        nps: How likely are you to recommend the programme to a colleague?
        text: What should the next cycle do differently?
        """
}
