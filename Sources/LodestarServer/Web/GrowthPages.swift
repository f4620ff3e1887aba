import Foundation
import Hummingbird
import LodestarCore

/// Competency assessment in the browser: a mentee, their mentor and their line manager rate the
/// mentee's focus competencies at the start and end of a cycle; the mentee reads their growth
/// from every side; the cycle's managers read the cohort's means — the same use cases as the API.
struct GrowthPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let publicURL: String

    func register(on router: Router<LodestarContext>) {
        router.get(.growth(.key)) { request, context in
            let asked = request.uri.queryParameters.get("asked").map { "Asked \($0) for their view; they have a message with this page's address." }
            return try await growth(try context.parameters.id(of: "enrolment"), context, asked: asked)
        }
        router.post(.growth(.key)) { request, context in
            let id: Enrolment.ID = try context.parameters.id(of: "enrolment")
            let assessments = try assessments(context)
            var form = try await FormBody.fields(request)
            let note = form.removeValue(forKey: "note") ?? ""
            form.removeValue(forKey: "csrf")
            let moment = try AssessmentMoment.parse(form.removeValue(forKey: "moment") ?? "", field: "moment")
            do {
                _ = try await assessments.assess(id, moment: moment, ratings: form, note: note, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.growth(.value(id)).path])
            } catch let error as ValidationError {
                return try await growth(id, context, entered: (moment, form, note), issues: error.issues).response(from: request, context: context)
            }
        }
        router.post(.askLineManager(.key)) { request, context in
            let id: Enrolment.ID = try context.parameters.id(of: "enrolment")
            do {
                let manager = try await assessments(context).askLineManager(id, now: context.now, publicURL: publicURL)
                return Response(status: .seeOther, headers: [.location: SiteURL.growth(.value(id)).with([URLQueryItem(name: "asked", value: manager.name)])])
            } catch let error as ValidationError {
                return try await growth(id, context, issues: error.issues).response(from: request, context: context)
            }
        }
        router.get(.cycle(.key, .growth)) { _, context in
            let growth = try await assessments(context).cohort(try context.parameters.id(of: "cycle"))
            return pages.render(.cycleGrowth, CohortGrowthView(growth), for: context)
        }
    }

    private func assessments(_ context: LodestarContext) throws -> Assessments { Assessments(store: store, principal: try context.signedIn()) }

    private func growth(_ id: Enrolment.ID, _ context: LodestarContext, entered: (AssessmentMoment, [String: String], String)? = nil,
                        issues: [FieldIssue] = [], asked: String? = nil) async throws -> HTML {
        let view = GrowthView(try await assessments(context).page(id), entered: entered.map { (moment: $0.0, ratings: $0.1, note: $0.2) }, issues: issues,
                              asked: asked, csrf: context.session?.csrfToken ?? "")
        return pages.render(.growth, view, for: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }
}
