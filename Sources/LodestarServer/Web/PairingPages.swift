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
        var options: [ManualPairing.MentorOption] = []
        if let mentee, candidates.mentees.contains(where: { $0.enrolment.id == mentee }) {
            options = try await pairing.options(for: mentee, among: candidates, now: context.now)
            // The chosen pair's explanation is among the options: the cycle's request is built once.
            preview = options.first { $0.enrolment.id == mentor }.map { PairingView.Preview($0.explanation) }
        }
        return pages.render(.pairs, PairingView(candidates: candidates, mentee: mentee, mentor: mentor, options: options,
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
    /// The chosen mentee's name, once one is chosen.
    let chosen: String?
    let menteeValue: String
    /// The mentors the hard rules admit for the chosen mentee, best first.
    let admissible: [Option]
    /// The mentors they exclude, with the rules.
    let excluded: [String]
    let excludedSummary: String
    let ended: [String]
    let preview: Preview?
    let problem: String?
    let mayPair: Bool
    let mentorValue: String

    typealias Choice = SelectOption
    struct Option { let value: String; let name: String; let room: Int; let score: String; let reasons: String }
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

    init(candidates: ManualPairing.Candidates, mentee: Enrolment.ID?, mentor: Enrolment.ID?, options: [ManualPairing.MentorOption],
         preview: Preview?, problem: String?, csrf: String) {
        let cycle = candidates.cycle, programme = candidates.programme
        title = "Pair by hand · \(cycle.name)"
        heading = "\(programme.name) · \(cycle.name)"
        cycleLinks = CycleLinks(cycle.id)
        self.csrf = csrf
        let chosen = candidates.mentees.first { $0.enrolment.id == mentee }
        mentees = candidates.mentees.map { Choice(value: $0.enrolment.id.description, label: $0.person.name + ($0.ended == nil ? "" : " (relationship ended)"),
                                                  selected: $0.enrolment.id == chosen?.enrolment.id) }
        self.chosen = chosen?.person.name
        menteeValue = chosen?.enrolment.id.description ?? ""
        admissible = options.compactMap { option in
            option.explanation.score.map { score in
                Option(value: option.enrolment.id.description, name: option.person.name, room: option.room, score: score.total.written(decimals: 1),
                       reasons: score.strongestFirst.prefix(2).map(\.summary).joined(separator: "; "))
            }
        }
        excluded = options.filter { $0.explanation.score == nil }.map { "\($0.person.name) — \($0.explanation.brokenRules.map(\.explanation).joined(separator: "; "))" }
        excludedSummary = "\(excluded.count) \(excluded.count == 1 ? "mentor" : "mentors") excluded by a hard rule"
        ended = candidates.mentees.compactMap { entry in entry.ended.map { "\(entry.person.name): \($0)" } }
        self.preview = preview
        self.problem = problem
        mayPair = preview?.broken.isEmpty ?? false
        mentorValue = mentor?.description ?? ""
    }
}
