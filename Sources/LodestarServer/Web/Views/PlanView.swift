import Foundation
import LodestarCore

/// The plan as the manager reads it: the figures and the proof for the whole cohort, then one
/// page of pairs (with their scores and reasons) and of mentees left unmatched, searchable by name.
struct PlanView {
    let title: String
    let cycleLinks: CycleLinks
    let cycleName: String
    let crumbs: [Crumb]
    let programmeName: String
    let publishable: Bool
    let stateNote: String?
    let seed: String
    let fairness: Bool
    let csrf: String
    let search: String
    let proposals: [Pair]
    let pairsPaging: Paging
    let pairsShown: String
    let unmatched: [Left]
    let unmatchedPaging: Paging
    let hasUnmatched: Bool
    let coverage: String
    /// Each hard rule that excluded pairs: its name, what it means, how many pairs.
    let exclusions: [Exclusion]
    struct Exclusion { let rule: String; let meaning: String; let pairs: String }
    let matched: Int
    let mentees: Int
    let meanScore: String
    let minimumScore: String
    let proof: String
    /// The programme's matching priority in words, when it has one that this plan uses.
    let priority: String?
    let totalScore: String
    /// The plan's total against the plan without edits, when there are edits.
    let change: String?
    let undoLink: String
    let refused: String?
    /// The pairs' columns: "Mentee"/"Mentor", or for peer circles "Member"/"Circle of".
    let menteeColumn: String
    let mentorColumn: String
    /// The locks and the mentees left out as the publish form carries them.
    let locks: String
    let outs: String
    /// What the search form carries (everything but the search), and the weights form (everything but the weights).
    let carriedButSearch: [Hidden]
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

    struct Pair {
        let menteeID: String
        let mentorID: String
        let mentee: String
        let mentor: String
        let score: String
        let strongest: String
        let breakdown: [String]
        let locked: Bool
        let unlockLink: String
        let unassignLink: String
        /// Where another mentor is chosen for this mentee (or a swap with another pair).
        let choiceLink: String
    }

    struct Left {
        let mentee: String
        let reason: String
        /// For a mentee left out: the plan with them back in.
        let putBackLink: String?
        /// For one who could have a mentor: where one is chosen by hand.
        let choiceLink: String?
    }

    /// What each hard rule costs this plan (its what-if).
    let ruleCostsLink: String

    init(_ reading: PlanReview.Reading, seed: UInt64, fairness: Bool, csrf: String) {
        let (plan, cycle, programme, edits) = (reading.plan, reading.cycle, reading.programme, reading.edits)
        let links = PlanLinks(cycleID: cycle.id, seed: seed, fairness: fairness, edits: edits, search: reading.search)
        title = "Matching · \(cycle.name)"
        (menteeColumn, mentorColumn) = programme.relationshipShape == .circle ? ("Member", "Circle of (convener)") : ("Mentee", "Mentor")
        cycleLinks = CycleLinks(cycle.id)
        cycleName = cycle.name
        crumbs = Crumb.toCycle(programme.name, cycle)
        programmeName = programme.name
        publishable = cycle.state == .matching && !plan.proposals.isEmpty
        stateNote = cycle.state == .matching ? nil : "The cycle is \(cycle.state.rawValue); a matching is published while it is in matching."
        self.seed = String(seed)
        self.fairness = fairness
        self.csrf = csrf
        search = reading.search
        refused = reading.refused
        triedWeights = edits.weights != nil
        let inForce = edits.weights ?? programme.effectiveMatching.weights
        weights = MatchCriterion.allCases.map {
            Hidden(name: "w-\($0.rawValue)", value: String(format: "%g", inForce[$0]), label: $0.rawValue.replacingOccurrences(of: "-", with: " "))
        }
        carriedButSearch = links.hidden(search: false)
        carriedButWeights = links.hidden(weights: false)
        locks = edits.locked.map { "\($0.mentee):\($0.mentor)" }.joined(separator: ",")
        outs = edits.leftOut.map(\.description).sorted().joined(separator: ",")
        proposals = reading.pairs.items.map { proposal in
            let parts = proposal.score.strongestFirst
            var unlocked = edits
            unlocked.locked.removeAll { $0.mentee == proposal.mentee }
            return Pair(menteeID: proposal.mentee.description, mentorID: proposal.mentor.description,
                        mentee: proposal.menteeName, mentor: proposal.mentorName, score: proposal.score.total.written(decimals: 1),
                        strongest: parts.prefix(2).map(\.criterion.rawValue).joined(separator: ", "), breakdown: parts.map(\.summary),
                        locked: proposal.locked, unlockLink: links.plan(unlocked),
                        unassignLink: links.plan(trying: [URLQueryItem(name: "unassign", value: proposal.mentee.description)]),
                        choiceLink: links.choice(for: proposal.mentee))
        }
        func pageLink(_ name: String) -> (Int, Int) -> String {
            { offset, limit in links.plan(trying: [URLQueryItem(name: "\(name)offset", value: String(offset)), URLQueryItem(name: "\(name)limit", value: String(limit))]) }
        }
        pairsPaging = Paging(reading.pairs, link: pageLink(""))
        pairsShown = reading.search.isEmpty ? "\(reading.pairs.total) pairs" : "\(reading.pairs.total) pairs with ‘\(reading.search)’ in a name"
        unmatched = reading.unmatched.items.map { entry in
            var back = edits
            back.leftOut.remove(entry.mentee)
            return Left(mentee: entry.menteeName, reason: entry.explanation,
                        putBackLink: entry.reason == .leftOut ? links.plan(back) : nil,
                        choiceLink: entry.reason == .admissibleMentorsFull ? links.choice(for: entry.mentee) : nil)
        }
        unmatchedPaging = Paging(reading.unmatched, link: pageLink("left-"))
        hasUnmatched = reading.unmatched.total > 0
        let total = plan.proposals.reduce(0) { $0 + $1.score.total }
        totalScore = total.written(decimals: 1)
        change = reading.uneditedTotal.map { String(format: "%+.1f against the plan without your changes (%.1f)", total - $0, $0) }
        undoLink = SiteURL.link(SiteURL.cycle(.value(cycle.id), .plan).path, links.settings)
        ruleCostsLink = links.ruleCosts
        coverage = String(format: "%.0f%%", plan.statistics.coverage * 100)
        exclusions = plan.statistics.excludedPairs.sorted { $0.key < $1.key }.map {
            Exclusion(rule: $0.key.rawValue, meaning: $0.key.explanation, pairs: $0.value.formatted())
        }
        matched = plan.statistics.matched
        mentees = plan.statistics.mentees
        meanScore = plan.statistics.meanScore.written(decimals: 1)
        minimumScore = plan.statistics.minimumScore.written(decimals: 1)
        priority = programme.effectiveMatching.priority(for: programme.format).map {
            "Matching priority: \($0.summary). Pairs' scores are as shown; the solver's objective counts the priority."
        }
        proof = switch (plan.certificate.optimal, plan.certificate.solver.hasPrefix("group formation")) {
        case (true, true): "Groups formed by fit proven optimal by the capacitated assignment's checked certificate, then members moved between groups while fit and shared development goals together improved (objective \(plan.certificate.objective))."
        case (true, false): "Proven optimal by the \(plan.certificate.solver) solver's checked certificate (objective \(plan.certificate.objective))."
        case (false, _): "The solver could not prove this plan optimal; do not publish it without a look."
        }
    }
}
