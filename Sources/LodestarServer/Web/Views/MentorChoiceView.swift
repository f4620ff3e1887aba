import Foundation
import LodestarCore

/// Another mentor for one mentee of the plan: the mentors who pass the hard rules with them, best
/// score first, one page at a time and searchable; each can be chosen, or swapped with one of
/// their mentees.
struct MentorChoiceView {
    let title: String
    let cycleLinks: CycleLinks
    let cycleName: String
    let crumbs: [Crumb]
    let programmeName: String
    let mentee: String
    let current: String?
    let planLink: String
    let path: String
    let unassignLink: String?
    let search: String
    let carriedButSearch: [PlanView.Hidden]
    let options: [Option]
    let paging: Paging
    let shown: String
    let ruledOut: String?

    struct Option {
        let name: String
        let score: String
        let reasons: [String]
        let isCurrent: Bool
        let assignLink: String
        let swaps: [Swap]
    }

    struct Swap {
        let mentee: String
        let link: String
    }

    init(_ choice: PlanReview.MentorChoice, seed: UInt64, fairness: Bool) {
        let links = PlanLinks(cycleID: choice.cycle.id, seed: seed, fairness: fairness, edits: choice.edits, search: "")
        title = "Another mentor for \(choice.menteeName)"
        cycleLinks = CycleLinks(choice.cycle.id)
        cycleName = choice.cycle.name
        programmeName = choice.programme.name
        mentee = choice.menteeName
        current = choice.current.map { "\($0.mentorName) (score \($0.score.total.written(decimals: 1)))" }
        planLink = links.plan()
        crumbs = Crumb.toCycle(choice.programme.name, choice.cycle) + [Crumb("Matching", planLink)]
        path = SiteURL.planMentee(.value(choice.cycle.id), .value(choice.mentee)).path
        unassignLink = choice.current == nil ? nil : links.plan(trying: [URLQueryItem(name: "unassign", value: choice.mentee.description)])
        search = choice.search
        carriedButSearch = links.hidden(search: false)
        let mine = choice.current
        options = choice.options.items.map { option in
            // Swapping needs a pair of one's own, with another mentor.
            var swaps: [Swap] = []
            if let mine, option.mentor != mine.mentor {
                swaps = option.mentees.map { theirs in
                    Swap(mentee: theirs.menteeName, link: links.plan(trying: [URLQueryItem(name: "swap", value: "\(mine.mentee):\(mine.mentor)"),
                                                                             URLQueryItem(name: "with", value: "\(theirs.mentee):\(theirs.mentor)")]))
                }
            }
            return Option(name: option.name, score: option.score.map { $0.total.written(decimals: 1) } ?? "",
                          reasons: option.score?.strongestFirst.prefix(3).map(\.summary) ?? [], isCurrent: option.mentor == mine?.mentor,
                          assignLink: links.plan(trying: [URLQueryItem(name: "mentee", value: choice.mentee.description),
                                                          URLQueryItem(name: "mentor", value: option.mentor.description)]),
                          swaps: swaps)
        }
        paging = Paging(choice.options) { offset, limit in
            SiteURL.link(SiteURL.planMentee(.value(choice.cycle.id), .value(choice.mentee)).path, links.carried(search: choice.search)
                + [URLQueryItem(name: "offset", value: String(offset)), URLQueryItem(name: "limit", value: String(limit))])
        }
        shown = choice.search.isEmpty ? "\(choice.options.total) mentors pass every hard rule with \(choice.menteeName)"
            : "\(choice.options.total) of them with ‘\(choice.search)’ in the name"
        ruledOut = choice.ruledOut == 0 ? nil : "\(choice.ruledOut) more are ruled out by a hard rule."
    }
}
