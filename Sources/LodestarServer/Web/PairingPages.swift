import Foundation
import Hummingbird
import LodestarCore

/// Pairing by hand in an active cycle: choose a mentee and a mentor, see the score and any broken
/// rule, then pair them. Mentees whose relationship ended early are listed with the reason.
struct PairingPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.cycle(.key, .pairs)) { request, context in
            let query = FormQuery(request)
            return try await page(context, mentee: query.get("mentee").flatMap(Enrolment.ID.init),
                                  mentor: query.get("mentor").flatMap(Enrolment.ID.init), problem: nil)
        }
        router.post(.cycle(.key, .pairs)) { request, context in
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            let pairing = ManualPairing(store: store, principal: try context.signedIn())
            let form = try await FormBody.fields(request)
            let mentee = form["mentee"].flatMap(Enrolment.ID.init), mentor = form["mentor"].flatMap(Enrolment.ID.init)
            do {
                guard let mentee, let mentor else {
                    _ = try await pairing.candidates(cycleID)  // the access rule and the cycle's state first
                    throw ValidationError([FieldIssue(field: mentee == nil ? "mentee" : "mentor", message: "choose one from the list")])
                }
                _ = try await pairing.pair(cycleID, mentee: mentee, mentor: mentor, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.cycle(.value(cycleID)).path])
            } catch let error as ValidationError {
                return try await page(context, mentee: mentee, mentor: mentor, problem: error.summary, status: .unprocessableContent)
                    .response(from: request, context: context)
            }
        }
    }

    private func page(_ context: LodestarContext, mentee: Enrolment.ID?, mentor: Enrolment.ID?, problem: String?,
                      status: HTTPResponse.Status = .ok) async throws -> HTML {
        let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
        let pairing = ManualPairing(store: store, principal: try context.signedIn())
        let candidates = try await pairing.candidates(cycleID)
        var preview: PairingView.Preview?
        if let mentee, let mentor {
            let explanation = try await pairing.preview(cycleID, mentee: mentee, mentor: mentor, now: context.now)
            preview = PairingView.Preview(explanation)
        }
        return pages.render(.pairs, PairingView(candidates: candidates, mentee: mentee, mentor: mentor,
                                                 preview: preview, problem: problem, csrf: context.session?.csrfToken ?? ""),
                            for: context, status: status)
    }
}

struct PairingView {
    let title: String
    let heading: String
    let cycleLinks: CycleLinks
    let csrf: String
    let mentees: [Choice]
    let mentors: [Choice]
    let ended: [String]
    let preview: Preview?
    let problem: String?
    let mayPair: Bool

    struct Choice { let value: String; let label: String; let selected: Bool }
    struct Preview {
        let score: String?
        let criteria: [String]
        let broken: [String]
        init(_ explanation: PairExplanation) {
            score = explanation.score.map { $0.total.written(decimals: 1) }
            criteria = explanation.score?.strongestFirst.map(\.summary) ?? []
            broken = explanation.brokenRules.map(\.explanation)
        }
    }

    init(candidates: ManualPairing.Candidates, mentee: Enrolment.ID?, mentor: Enrolment.ID?,
         preview: Preview?, problem: String?, csrf: String) {
        let cycle = candidates.cycle, programme = candidates.programme
        title = "Pair by hand · \(cycle.name)"
        heading = "\(programme.name) · \(cycle.name)"
        cycleLinks = CycleLinks(cycle.id)
        self.csrf = csrf
        mentees = candidates.mentees.map { Choice(value: $0.enrolment.id.description, label: $0.person.name + ($0.ended == nil ? "" : " (relationship ended)"),
                                                  selected: $0.enrolment.id == mentee) }
        mentors = candidates.mentors.map { Choice(value: $0.enrolment.id.description, label: "\($0.person.name) — \($0.room) place\($0.room == 1 ? "" : "s") left",
                                                  selected: $0.enrolment.id == mentor) }
        ended = candidates.mentees.compactMap { entry in entry.ended.map { "\(entry.person.name): \($0)" } }
        self.preview = preview
        self.problem = problem
        mayPair = preview?.broken.isEmpty ?? false
    }
}
