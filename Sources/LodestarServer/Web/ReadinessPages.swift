import Foundation
import Hummingbird
import LodestarCore

/// The readiness check of a programme (PRODUCT.md M2) and the organisation's threshold — the
/// same use case as the API.
struct ReadinessPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.readiness(.key)) { request, context in
            try await page(try context.parameters.id(of: "programme"), context, history: try request.pageRequest())
        }
        router.post(.readiness(.key)) { request, context in
            let id: Programme.ID = try context.parameters.id(of: "programme")
            let form = try await FormBody.fields(request)
            do {
                _ = try await review(context).answer(try Self.entries(form), for: id, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.readiness(.value(id)).path])
            } catch let error as ValidationError {
                return try await page(id, context, problem: error.summary, entered: form).response(from: request, context: context)
            }
        }
        router.post(.readinessThreshold) { request, context in
            // Refused before the form is read, so a non-admin learns nothing of the programmes.
            try context.signedIn().requireAdmin("setting the readiness threshold")
            let form = try await FormBody.fields(request)
            let id: Programme.ID = try Identifier(path: form["programme"] ?? "", of: "programme")
            let text = form["threshold"] ?? ""
            do {
                guard let percent = Int(text.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError([FieldIssue(field: "threshold", message: "'\(text)' is not a whole percentage from 0 to 100")])
                }
                _ = try await review(context).setThreshold(percent, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.readiness(.value(id)).path])
            } catch let error as ValidationError {
                return try await page(id, context, problem: error.summary, threshold: text).response(from: request, context: context)
            }
        }
    }

    /// The answers a form sends: `level.QUESTION` and `note.QUESTION` for each question; any
    /// other field (but the CSRF token) is refused.
    static func entries(_ form: [String: String]) throws -> [ReadinessReview.Entry] {
        let known = Set(["csrf"] + ReadinessQuestion.all.flatMap { ["level.\($0.id)", "note.\($0.id)"] })
        let unknown = form.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw ValidationError(unknown.map { FieldIssue(field: $0, message: "is not a field of the readiness check") })
        }
        return ReadinessQuestion.all.map { ReadinessReview.Entry(question: $0.id, level: form["level.\($0.id)"] ?? "", note: form["note.\($0.id)"] ?? "") }
    }

    private func review(_ context: LodestarContext) throws -> ReadinessReview {
        ReadinessReview(store: store, principal: try context.signedIn())
    }

    private func page(_ id: Programme.ID, _ context: LodestarContext, history: PageRequest = .first, problem: String? = nil,
                      entered: [String: String] = [:], threshold: String? = nil) async throws -> HTML {
        let sheet = try await review(context).sheet(of: id, history: history)
        let view = ReadinessView(sheet, for: try context.signedIn(), csrf: context.session?.csrfToken ?? "",
                                 problem: problem, entered: entered, threshold: threshold)
        return pages.render(.readiness, view, for: context, status: problem == nil ? .ok : .unprocessableContent)
    }
}
