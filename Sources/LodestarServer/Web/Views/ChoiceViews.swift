import Foundation
import LodestarCore

/// The mentee's page in mentee-choice mode: the shortlist with reasons, the ranked choice form,
/// and what became of each request.
struct ChooseView {
    let title: String
    let heading: String
    let cycleLinks: CycleLinks
    let csrf: String
    let options: [Option]
    let slots: [Slot]
    let requests: [RequestLine]
    let problems: [String]
    let mayRequest: Bool
    let matched: Bool
    let rules: String

    struct Option { let rank: Int; let name: String; let title: String; let score: String; let reasons: String; let room: Int }
    struct Slot { let number: Int; let label: String; let choices: [Choice] }
    typealias Choice = SelectOption
    struct RequestLine { let rank: Int; let mentor: String; let state: String; let detail: String }

    init(_ choosing: MenteeChoice.Choosing, names: [Enrolment.ID: String], problems: [String], form: [String: String], csrf: String) {
        title = "Choose your mentor · \(choosing.cycle.name)"
        heading = "Choose your mentor"
        cycleLinks = CycleLinks(choosing.cycle.id)
        self.csrf = csrf
        options = choosing.shortlist.enumerated().map { index, option in
            Option(rank: index + 1, name: option.person.name, title: "\(option.person.title), \(option.person.department)",
                   score: option.score.total.written(decimals: 0),
                   reasons: option.score.strongestFirst.prefix(3).map { $0.criterion.rawValue.replacingOccurrences(of: "-", with: " ") }.joined(separator: ", "),
                   room: option.room)
        }
        let asked = Set(choosing.requests.map(\.mentor))
        let open = choosing.shortlist.filter { !asked.contains($0.mentor.id) }
        let ordinals = ["First", "Second", "Third", "Fourth", "Fifth"]
        slots = (1...choosing.settings.maximumRequests).map { number in
            Slot(number: number, label: "\(ordinals[number - 1]) choice",
                 choices: open.map { Choice(value: $0.mentor.id.description, label: $0.person.name, selected: form["choice-\(number)"] == $0.mentor.id.description) })
        }
        requests = choosing.requests.map { request in
            let detail: String
            switch request.state {
            case .pending: detail = "waiting for an answer until \(request.expiresAt?.formatted(date: .abbreviated, time: .shortened) ?? "?")"
            case .waiting: detail = "sent if the choices before it pass"
            case .accepted: detail = "accepted — your mentor"
            case .declined: detail = "declined: \(request.reason ?? "")"
            case .expired: detail = "not answered in time; passed on"
            case .withdrawn: detail = "not needed: an earlier choice accepted"
            }
            return RequestLine(rank: request.rank, mentor: names[request.mentor] ?? "?", state: request.state.rawValue, detail: detail)
        }
        self.problems = problems
        matched = choosing.matched
        mayRequest = !choosing.matched && !choosing.requests.contains(where: \.isOpen) && !open.isEmpty
        rules = "Rank up to \(choosing.settings.maximumRequests) mentors. Your first choice is asked at once and has \(choosing.settings.responseDays) days to answer; if they decline or do not answer, your next choice is asked."
    }
}

/// A mentor's requests from mentees.
struct RequestsView {
    let title = "Mentees' requests"
    let csrf: String
    let pending: [Line]
    let answered: [Line]
    let problem: String?

    struct Line { let acceptHref: String; let declineHref: String; let mentee: String; let title: String; let place: String; let detail: String }

    init(_ inbox: [(request: MentorRequest, mentee: Person, cycle: Cycle)], problem: String?, csrf: String) {
        self.csrf = csrf
        self.problem = problem
        func line(_ entry: (request: MentorRequest, mentee: Person, cycle: Cycle)) -> Line {
            let request = entry.request
            let detail = request.state == .pending
                ? "answer by \(request.expiresAt?.formatted(date: .abbreviated, time: .shortened) ?? "?")"
                : request.state.rawValue + (request.reason.map { ": \($0)" } ?? "")
            return Line(acceptHref: SiteURL.request(.value(request.id), .accept).path, declineHref: SiteURL.request(.value(request.id), .decline).path, mentee: entry.mentee.name, title: "\(entry.mentee.title), \(entry.mentee.department)",
                        place: entry.cycle.name, detail: detail)
        }
        pending = inbox.filter { $0.request.state == .pending }.map(line)
        answered = inbox.filter { $0.request.state != .pending }.map(line)
    }
}
