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
            let seed = try Self.seed(query.get("seed"))
            let fairness = query.get("fairness") == "1"
            var locks = try Self.locks(query.getAll("lock"))
            var leftOut = Set(query.getAll("out").compactMap(Enrolment.ID.init))
            let weights = try Self.weights { query.get($0) }
            let matching = CycleMatching(store: store)
            func plan(_ locks: [(mentee: Enrolment.ID, mentor: Enrolment.ID)], _ leftOut: Set<Enrolment.ID>, weights: MatchWeights? = weights) async throws -> MatchPlan {
                try await matching.plan(cycle.id, seed: seed, fairness: fairness, edits: PlanEdits(locked: locks, leftOut: leftOut, weights: weights), now: Date())
            }
            // An edit locks pairs (reassign: the mentee to the chosen mentor; swap: two mentees'
            // mentors crosswise) or leaves a mentee out, and the rest is re-optimised; a lock that
            // breaks a hard rule is refused, the plan staying as it was, with the rule named.
            var refused: String?, edited: MatchPlan?
            func attempt(_ editedLocks: [(mentee: Enrolment.ID, mentor: Enrolment.ID)]) async throws {
                do {
                    edited = try await plan(editedLocks, leftOut)
                    locks = editedLocks
                } catch let error as MatchingError {
                    refused = "Refused: \(error.description)."
                }
            }
            if let mentee = query.get("mentee").flatMap(Enrolment.ID.init), let mentor = query.get("mentor").flatMap(Enrolment.ID.init) {
                leftOut.remove(mentee)
                try await attempt(locks.filter { $0.mentee != mentee } + [(mentee, mentor)])
            } else if let a = query.get("swap").flatMap(MatchRequest.lock(parsing:)), let b = query.get("with").flatMap(MatchRequest.lock(parsing:)),
                      a.mentee != b.mentee {
                // Each side is written MENTEE:MENTOR as the page showed it: the two mentors change places.
                try await attempt(locks.filter { $0.mentee != a.mentee && $0.mentee != b.mentee } + [(a.mentee, b.mentor), (b.mentee, a.mentor)])
            } else if let out = query.get("unassign").flatMap(Enrolment.ID.init) {
                locks.removeAll { $0.mentee == out }
                leftOut.insert(out)
            }
            let current: MatchPlan
            if let edited { current = edited } else { current = try await plan(locks, leftOut) }
            // The plan without changes, to show what the edits cost; the same plan when there are none.
            let unlocked = locks.isEmpty && leftOut.isEmpty && weights == nil ? current : try await plan([], [], weights: nil)
            // Reassigning moves a mentee to another mentor — in peer circles, a member to another circle, named by its convener.
            var choices: [PlanView.MentorChoice]
            if programme.relationshipShape == .circle {
                let conveners = Dictionary(current.proposals.map { ($0.mentor, $0.mentorName) }, uniquingKeysWith: { first, _ in first })
                choices = conveners.map { PlanView.MentorChoice(id: $0.key.description, name: "\($0.value)'s circle", selected: false) }
            } else {
                let mentors = try await store.allEnrolments(in: cycle.id).filter { $0.role == .mentor }
                var names: [Person.ID: String] = [:]
                for person in try await store.allPeople() { names[person.id] = person.name }
                choices = mentors.map { PlanView.MentorChoice(id: $0.id.description, name: names[$0.personID] ?? "?", selected: false) }
            }
            choices.sort { $0.name < $1.name }
            return pages.render(.plan, PlanView(current, unlocked: unlocked, edits: PlanEdits(locked: locks, leftOut: leftOut, weights: weights),
                                                 mentors: choices, refused: refused, cycle: cycle,
                                                 programme: programme, fairness: fairness, csrf: context.session?.csrfToken ?? ""), for: context)
        }
        router.post("/cycles/:id/weights") { request, context in
            // The weights tried on the plan become the programme's own.
            let (cycle, programme) = try await cycleAndProgramme(context)
            try context.signedIn().requireManager(of: programme, "changing a programme's weights")
            let form = try await FormBody.fields(request)
            guard let weights = try Self.weights({ form[$0] }) else {
                throw ValidationError([FieldIssue(field: "matching.weights", message: "no weights were sent")])
            }
            var settings = programme.effectiveMatching
            settings.weights = weights
            _ = try await context.programmeOffice(store).update(programme.id, with: ProgrammeRecord(
                name: programme.name, objectives: programme.objectives, focusCompetencies: programme.focusCompetencies, format: programme.format,
                durationWeeks: programme.durationWeeks, cadence: programme.cadence, matching: settings))
            return Response(status: .seeOther, headers: [.location: "/cycles/\(cycle.id)/plan?seed=\(try Self.seed(form["seed"]))"])
        }
        router.post("/cycles/:id/state") { request, context in
            let (cycle, programme) = try await cycleAndProgramme(context)
            try context.signedIn().requireManager(of: programme, "changing a cycle's state")
            let form = try await FormBody.fields(request)
            guard let state = CycleState(rawValue: form["state"] ?? "") else {
                throw ValidationError([FieldIssue(field: "state", message: "'\(form["state"] ?? "")' is not a cycle state")])
            }
            _ = try await context.programmeOffice(store).move(cycle.id, to: state)
            return Response(status: .seeOther, headers: [.location: "/cycles/\(cycle.id)"])
        }
        router.post("/cycles/:id/publish") { request, context in
            let (cycle, programme) = try await cycleAndProgramme(context)
            try context.signedIn().requireManager(of: programme, "publishing a matching")
            let form = try await FormBody.fields(request)
            let seed = try Self.seed(form["seed"])
            let locks = try Self.locks((form["locks"] ?? "").split(separator: ",").map(String.init))
            let leftOut = Set((form["out"] ?? "").split(separator: ",").compactMap { Enrolment.ID(String($0)) })
            let edits = PlanEdits(locked: locks, leftOut: leftOut, weights: try Self.weights { form[$0] })
            _ = try await MatchingPublication(store: store, principal: try context.signedIn())
                .publish(cycle.id, seed: seed, fairness: form["fairness"] == "1", edits: edits, now: Date())
            return Response(status: .seeOther, headers: [.location: "/cycles/\(cycle.id)"])
        }
    }

    /// Locks written `MENTEE_ENROLMENT:MENTOR_ENROLMENT`.
    static func locks(_ texts: [String]) throws -> [(mentee: Enrolment.ID, mentor: Enrolment.ID)] {
        try texts.filter { !$0.isEmpty }.map { text in
            guard let lock = MatchRequest.lock(parsing: text) else {
                throw ValidationError([FieldIssue(field: "lock", message: "'\(text)' is not MENTEE_ENROLMENT:MENTOR_ENROLMENT")])
            }
            return lock
        }
    }

    /// Weights from `w-<criterion>` fields, or nil when none was given (the programme's apply).
    static func weights(_ value: (String) -> String?) throws -> MatchWeights? {
        var values: [MatchCriterion: Double] = [:]
        var issues: [FieldIssue] = []
        for criterion in MatchCriterion.allCases {
            guard let text = value("w-\(criterion.rawValue)") else { continue }
            if let weight = Double(text), weight.isFinite { values[criterion] = weight } else {
                issues.append(FieldIssue(field: "matching.weights.\(criterion.rawValue)", message: "'\(text)' is not a number"))
            }
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        guard !values.isEmpty else { return nil }
        let weights = MatchWeights(values: values)
        guard weights.issues.isEmpty else { throw ValidationError(weights.issues) }
        return weights
    }

    /// The seed that decides between equally good plans; 1 when not given.
    static func seed(_ text: String?) throws -> UInt64 {
        guard let seed = UInt64(text ?? "1") else { throw ValidationError([FieldIssue(field: "seed", message: "must be a whole number")]) }
        return seed
    }

    private func cycleAndProgramme(_ context: LodestarContext) async throws -> (Cycle, Programme) {
        let id: Cycle.ID = try context.parameters.id(of: "cycle")
        guard let cycle = try await store.cycle(id), let programme = try await store.programme(cycle.programmeID) else { throw NotFound("cycle", id) }
        return (cycle, programme)
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
    let stateNote: String?
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
    let totalScore: String
    /// The plan's total against the plan without locks, when there are locks.
    let change: String?
    let refused: String?
    /// The pairs' columns: "Mentee"/"Mentor", or for peer circles "Member"/"Circle of".
    let menteeColumn: String
    let mentorColumn: String
    /// The locks as the publish form carries them.
    let locks: String
    /// The mentees left out, likewise.
    let outs: String
    /// What every form of the page carries so that the edits so far stay: seed, fairness, locks,
    /// mentees left out, weights; and the same without the weights, for the weights form.
    let carried: [Hidden]
    let carriedButWeights: [Hidden]
    /// The weights in force on this plan, to change and re-run.
    let weights: [Hidden]
    /// True when the plan runs on weights other than the programme's.
    let triedWeights: Bool

    struct Hidden {
        let name: String
        let value: String
        /// What a person reads beside a visible field.
        var label = ""
    }

    struct MentorChoice {
        let id: String
        let name: String
        let selected: Bool
    }

    struct Pair {
        let menteeID: String
        let mentorID: String
        let mentee: String
        let mentor: String
        let score: String
        let strongest: String
        let breakdown: [Part]
        let locked: Bool
        /// The plan's link with this pair's lock removed.
        let unlockQuery: String
        /// The plan's link with this mentee left out.
        let unassignQuery: String
        /// The other matched mentees (as MENTEE:MENTOR), to swap mentors with.
        let partners: [MentorChoice]
        /// Every mentor, this pair's selected, for reassigning.
        let mentors: [MentorChoice]
    }

    struct Part {
        let criterion: String
        let value: String
    }

    struct Left {
        let mentee: String
        let reason: String
        /// For a mentee left out: the plan's link with them back in.
        let putBackQuery: String?
    }

    init(_ plan: MatchPlan, unlocked: MatchPlan, edits: PlanEdits, mentors: [MentorChoice], refused: String?,
         cycle: Cycle, programme: Programme, fairness: Bool, csrf: String) {
        title = "Matching · \(cycle.name)"
        (menteeColumn, mentorColumn) = programme.relationshipShape == .circle ? ("Member", "Circle of (convener)") : ("Mentee", "Mentor")
        cycleID = cycle.id.description
        cycleName = cycle.name
        programmeName = programme.name
        publishable = cycle.state == .matching && !plan.proposals.isEmpty
        stateNote = cycle.state == .matching ? nil : "The cycle is \(cycle.state.rawValue); a matching is published while it is in matching."
        seed = String(plan.seed)
        self.fairness = fairness
        self.csrf = csrf
        let lockTexts = edits.locked.map { "\($0.mentee):\($0.mentor)" }
        let outTexts = edits.leftOut.map(\.description).sorted()
        let inForce = edits.weights ?? programme.effectiveMatching.weights
        weights = MatchCriterion.allCases.map {
            Hidden(name: "w-\($0.rawValue)", value: String(format: "%g", inForce[$0]), label: $0.rawValue.replacingOccurrences(of: "-", with: " "))
        }
        triedWeights = edits.weights != nil
        let settings = [Hidden(name: "seed", value: String(plan.seed))] + (fairness ? [Hidden(name: "fairness", value: "1")] : [])
        carriedButWeights = settings + lockTexts.map { Hidden(name: "lock", value: $0) } + outTexts.map { Hidden(name: "out", value: $0) }
        carried = carriedButWeights + (triedWeights ? weights : [])
        let base = (settings + (triedWeights ? weights : [])).map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        func query(_ texts: [String], outs: [String] = outTexts) -> String {
            ([base] + texts.map { "lock=\($0)" } + outs.map { "out=\($0)" }).joined(separator: "&")
        }
        proposals = plan.proposals.map { proposal in
            let parts = proposal.score.strongestFirst
            let text = "\(proposal.mentee):\(proposal.mentor)"
            return Pair(menteeID: proposal.mentee.description, mentorID: proposal.mentor.description,
                        mentee: proposal.menteeName, mentor: proposal.mentorName, score: String(format: "%.1f", proposal.score.total),
                        strongest: parts.prefix(2).map(\.criterion.rawValue).joined(separator: ", "),
                        breakdown: parts.map { Part(criterion: $0.criterion.rawValue, value: String(format: "%.2f", $0.value)) },
                        locked: proposal.locked, unlockQuery: query(lockTexts.filter { $0 != text }),
                        unassignQuery: query(lockTexts) + "&unassign=\(proposal.mentee)",
                        partners: plan.proposals.filter { $0.mentee != proposal.mentee }.map { MentorChoice(id: "\($0.mentee):\($0.mentor)", name: $0.menteeName, selected: false) }
                            .sorted { $0.name < $1.name },
                        mentors: mentors.map { MentorChoice(id: $0.id, name: $0.name, selected: $0.id == proposal.mentor.description) })
        }
        let total = plan.proposals.reduce(0) { $0 + $1.score.total }, unlockedTotal = unlocked.proposals.reduce(0) { $0 + $1.score.total }
        totalScore = String(format: "%.1f", total)
        change = edits.isEmpty ? nil : String(format: "%+.1f against the plan without your changes (%.1f)", total - unlockedTotal, unlockedTotal)
        self.refused = refused
        self.locks = lockTexts.joined(separator: ",")
        outs = outTexts.joined(separator: ",")
        unmatched = plan.unmatched.map { entry in
            Left(mentee: entry.menteeName, reason: entry.explanation,
                 putBackQuery: entry.reason == .leftOut ? query(lockTexts, outs: outTexts.filter { $0 != entry.mentee.description }) : nil)
        }
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
