import Foundation
import Hummingbird
import LodestarCore

/// A manager runs matching for a cycle, reads the plan, and publishes it.
struct MatchingPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get("/cycles/:id/plan") { request, context in
            let principal = try context.signedIn()
            let (cycle, programme) = try await cycleAndProgramme(context)
            try principal.requireManager(of: programme, "running a matching")
            let query = request.uri.queryParameters
            let seed = try UInt64(query.get("seed") ?? "1").orThrow(FieldIssue(field: "seed", message: "must be a whole number"))
            let fairness = query.get("fairness") == "1"
            let plan = try await CycleMatching(store: store).plan(cycle.id, seed: seed, fairness: fairness, now: Date())
            return pages.render("plan", PlanView(plan, cycle: cycle, programme: programme, fairness: fairness,
                                                 csrf: context.session?.csrfToken ?? ""), for: context)
        }
        router.post("/cycles/:id/publish") { request, context in
            let (cycle, _) = try await cycleAndProgramme(context)
            let form = try await FormBody.fields(request)
            let seed = try UInt64(form["seed"] ?? "1").orThrow(FieldIssue(field: "seed", message: "must be a whole number"))
            _ = try await MatchingPublication(store: store, principal: try context.signedIn())
                .publish(cycle.id, seed: seed, fairness: form["fairness"] == "1", now: Date())
            return Response(status: .seeOther, headers: [.location: "/cycles/\(cycle.id)"])
        }
    }

    private func cycleAndProgramme(_ context: LodestarContext) async throws -> (Cycle, Programme) {
        let id: Cycle.ID = try context.parameters.id(of: "cycle")
        guard let cycle = try await store.cycle(id), let programme = try await store.programme(cycle.programmeID) else { throw NotFound("cycle", id) }
        return (cycle, programme)
    }
}

extension Optional {
    /// The value, or a validation error naming the field.
    func orThrow(_ issue: FieldIssue) throws -> Wrapped {
        guard let self else { throw ValidationError([issue]) }
        return self
    }
}

/// The plan as the manager reads it: pairs with scores and their breakdown, who is left out and
/// why, the figures, and the proof.
struct PlanView {
    let title: String
    let cycleID: String
    let cycleName: String
    let programmeName: String
    let publishable: Bool
    let stateNote: String
    let seed: String
    let fairness: Bool
    let csrf: String
    let proposals: [Pair]
    let unmatched: [Left]
    let coverage: String
    let matched: Int
    let mentees: Int
    let meanScore: String
    let minimumScore: String
    let proof: String

    struct Pair {
        let mentee: String
        let mentor: String
        let score: String
        let strongest: String
        let breakdown: [Part]
    }

    struct Part {
        let criterion: String
        let value: String
    }

    struct Left {
        let mentee: String
        let reason: String
    }

    init(_ plan: MatchPlan, cycle: Cycle, programme: Programme, fairness: Bool, csrf: String) {
        title = "Matching · \(cycle.name)"
        cycleID = cycle.id.description
        cycleName = cycle.name
        programmeName = programme.name
        publishable = cycle.state == .matching && !plan.proposals.isEmpty
        stateNote = cycle.state == .matching ? "" : "The cycle is \(cycle.state.rawValue); a matching is published while it is in matching."
        seed = String(plan.seed)
        self.fairness = fairness
        self.csrf = csrf
        proposals = plan.proposals.map { proposal in
            let parts = proposal.score.breakdown.sorted { $0.value > $1.value }
            return Pair(mentee: proposal.menteeName, mentor: proposal.mentorName, score: String(format: "%.1f", proposal.score.total),
                        strongest: parts.prefix(2).map(\.key.rawValue).joined(separator: ", "),
                        breakdown: parts.map { Part(criterion: $0.key.rawValue, value: String(format: "%.2f", $0.value)) })
        }
        unmatched = plan.unmatched.map { Left(mentee: $0.menteeName, reason: $0.explanation) }
        coverage = String(format: "%.0f%%", plan.statistics.coverage * 100)
        matched = plan.statistics.matched
        mentees = plan.statistics.mentees
        meanScore = String(format: "%.1f", plan.statistics.meanScore)
        minimumScore = String(format: "%.1f", plan.statistics.minimumScore)
        proof = plan.certificate.optimal
            ? "Proven optimal by the \(plan.certificate.solver) solver's checked certificate (objective \(plan.certificate.objective))."
            : "The solver could not prove this plan optimal; do not publish it without a look."
    }
}
