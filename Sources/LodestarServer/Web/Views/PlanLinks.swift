import Foundation
import LodestarCore

/// The plan page's links and forms: each carries the run's seed, fairness, tried weights, locks,
/// mentees left out and the search, so that no edit loses the ones before it.
struct PlanLinks {
    let cycleID: Cycle.ID
    let seed: UInt64
    let fairness: Bool
    let edits: PlanEdits
    let search: String

    /// The weights the plan runs on, when they are not the programme's.
    var triedWeights: [URLQueryItem] {
        guard let weights = edits.weights else { return [] }
        return MatchCriterion.allCases.map { URLQueryItem(name: "w-\($0.rawValue)", value: String(format: "%g", weights[$0])) }
    }

    /// Seed and fairness.
    var settings: [URLQueryItem] {
        [URLQueryItem(name: "seed", value: String(seed))] + (fairness ? [URLQueryItem(name: "fairness", value: "1")] : [])
    }

    /// Settings, tried weights and `edits` (the plan's own by default), and the search.
    func carried(_ edits: PlanEdits? = nil, search: String? = nil) -> [URLQueryItem] {
        let edits = edits ?? self.edits, search = search ?? self.search
        return settings + triedWeights
            + edits.locked.map { URLQueryItem(name: "lock", value: "\($0.mentee):\($0.mentor)") }
            + edits.leftOut.map(\.description).sorted().map { URLQueryItem(name: "out", value: $0) }
            + (search.isEmpty ? [] : [URLQueryItem(name: "q", value: search)])
    }

    /// The plan with `edits` (the plan's own by default), trying the edit or page `extra` names.
    func plan(_ edits: PlanEdits? = nil, trying extra: [URLQueryItem] = []) -> String {
        SiteURL.link(SiteURL.cycle(.value(cycleID), .plan).path, carried(edits) + extra)
    }

    /// What each hard rule costs this plan.
    var ruleCosts: String { SiteURL.link(SiteURL.cycle(.value(cycleID), .ruleCosts).path, carried(search: "")) }

    /// The choice of another mentor for `mentee`.
    func choice(for mentee: Enrolment.ID) -> String {
        SiteURL.link(SiteURL.planMentee(.value(cycleID), .value(mentee)).path, carried(search: ""))
    }

    /// The carried parameters as hidden form fields (the search left to the form that sets it).
    func hidden(search: Bool = true, weights: Bool = true) -> [PlanView.Hidden] {
        var items = carried(search: search ? nil : "")
        if !weights { items.removeAll { $0.name.hasPrefix("w-") } }
        return items.map { PlanView.Hidden(name: $0.name, value: $0.value ?? "") }
    }
}
