import Foundation
import LodestarCore

/// A cycle's page: its state, the states it can move to, and who has enrolled.
struct CycleView {
    let title: String
    let crumbs: [Crumb]
    let cycleLinks: CycleLinks
    let programmeName: String
    let cycle: CycleSummary
    let states: [StateStep]
    let nextStates: String
    /// The moves a manager makes from this page (a cycle becomes active by publishing its matching).
    let moves: [Move]
    /// A move; leaving draft below the readiness threshold asks for the reason it is recorded with.
    struct Move { let state: String; let asksReason: Bool }
    /// While draft: the programme's readiness, which opening the cycle needs.
    let readiness: ReadinessSummary?
    /// A refused move, above the forms.
    let problem: String?
    /// While draft or enrolling: where an enrolment CSV is uploaded for its preview.
    let enrolmentUpload: String?
    /// The cycle's applications: invitations and decisions.
    let applicationsHref: String
    let growthHref: String
    let dashboardHref: String
    /// The cycle's calendar, each day with its form field; changeable until the cycle closes.
    let dates: [Day]
    let mayChangeDates: Bool
    struct Day { let field: String; let label: String; let shown: String; let value: String }
    let csrf: String
    let participants: [Participant]
    let paging: Paging
    /// While matching: the way to the plan.
    let matching: Bool
    let relationships: [Pair]
    let hasRelationships: Bool
    /// "2 pairings called not a fit", when any.
    let poorFits: String?
    /// The open ones, each with the way to end it and pair its mentee again.
    let notAFit: [NotAFit]
    struct NotAFit { let pair: String; let endHref: String; let mentee: String?; let reason: String }
    let quietMentors: [QuietMentor]
    let cadence: String
    let relationshipsPaging: Paging
    /// While active: the way to pair by hand (late joiners, re-matching).
    let active: Bool
    /// Speed programmes: the way to the event.
    let speed: Bool
    /// The relationships' two columns: "Mentee"/"Mentor", "Mentees"/"Mentor" for groups, "Members"/"Convener" for circles.
    let menteeColumn: String
    let mentorColumn: String

    /// A relationship as its managers see it: never its notes.
    struct QuietMentor { let name: String; let lastActive: String; let days: Int; let relationships: Int }
    struct Pair {
        let endHref: String
        let isOpen: Bool
        /// Why it ended, once it has.
        let endReason: String?
        let mentor: String
        let mentee: String
        let score: String
        let agreement: String
        let meetings: Int
        let hours: String
        let health: String
        let healthLabel: String
        /// The pulse in figures (never a comment), and the comments shared with the managers.
        let pulse: String?
        /// When the mentor last did something in the cycle's mentoring.
        let mentorActive: String
        let sharedComments: [String]
    }

    struct StateStep { let name: String; let current: Bool; let done: Bool }
    struct Participant { let href: String; let name: String; let title: String; let department: String; let role: String; let detail: String }

    init(_ page: CyclePage, csrf: String, problem: String? = nil) {
        let (cycle, programme) = (page.cycle, page.programme)
        participants = page.enrolled.items.map { entry in
            let detail = entry.role == .mentor
                ? "capacity \(entry.capacity ?? 0) · offers \(entry.offers.joined(separator: ", "))"
                : "develops \(entry.develops.joined(separator: ", "))"
            return Participant(href: SiteURL.person(.value(entry.person)).path, name: entry.name, title: entry.title,
                               department: entry.department, role: entry.role.rawValue, detail: detail)
        }
        relationships = page.relationships.items.map { named in
            let seen = named.seen
            return Pair(endHref: SiteURL.relationship(.value(seen.relationship.id), .end).path, isOpen: seen.relationship.endedAt == nil && cycle.state != .closed,
                        endReason: seen.relationship.endReason, mentor: named.mentor, mentee: named.mentees,
                        score: seen.relationship.score.written(decimals: 1), agreement: seen.agreementSigned ? "signed" : "not yet",
                        meetings: seen.meetings, hours: Double.hours(minutes: seen.minutes),
                        health: seen.health.rawValue, healthLabel: seen.health.label,
                        pulse: Self.pulse(seen),
                        mentorActive: page.mentorLastActive[seen.relationship.mentorPerson].map { "mentor last active " + $0.shownDay } ?? "mentor not active yet",
                        sharedComments: seen.sharedComments.prefix(3).map(\.comment))
        }
        quietMentors = page.quietMentors.map { quiet in
            QuietMentor(name: quiet.name, lastActive: quiet.lastActive.map(\.shownDay) ?? "nothing since matched",
                        days: quiet.days, relationships: quiet.relationships)
        }
        cadence = programme.cadence.rawValue
        let shape = programme.relationshipShape
        menteeColumn = switch shape { case .pair: "Mentee"; case .group: "Mentees"; case .circle: "Members" }
        mentorColumn = shape == .circle ? "Convener" : "Mentor"
        let order = CycleState.allCases
        let position = order.firstIndex(of: cycle.state) ?? 0
        let next = cycle.state.allowedNextStates.map(\.rawValue)
        title = cycle.place(in: programme)
        crumbs = [Crumb("Programmes", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path)]
        cycleLinks = CycleLinks(cycle.id)
        programmeName = programme.name
        self.cycle = CycleSummary(cycle, counts: page.counts)
        states = order.enumerated().map { StateStep(name: $1.rawValue, current: $0 == position, done: $0 < position) }
        nextStates = next.isEmpty ? "none — this cycle is closed" : next.joined(separator: " or ")
        readiness = page.readiness.map(ReadinessSummary.init)
        let belowThreshold = page.readiness.map { !$0.isReady } ?? false
        moves = cycle.state.movesByHand(menteesChoose: programme.effectiveMatching.menteeChoice != nil).map {
            Move(state: $0.rawValue, asksReason: belowThreshold && $0 != .draft)
        }
        self.problem = problem
        dates = cycle.dates.days.map { Day(field: $0.field, label: $0.words.prefix(1).uppercased() + $0.words.dropFirst(),
                                           shown: $0.day?.shownDay ?? "not set", value: $0.day?.day ?? "") }
        mayChangeDates = cycle.state != .closed
        enrolmentUpload = cycle.takesEnrolments ? SiteURL.cycle(.value(cycle.id), .imports).path : nil
        applicationsHref = SiteURL.cycle(.value(cycle.id), .applications).path
        growthHref = SiteURL.cycle(.value(cycle.id), .growth).path
        dashboardHref = SiteURL.cycle(.value(cycle.id), .dashboard).path
        self.csrf = csrf
        paging = Paging(page.enrolled, path: SiteURL.cycle(.value(cycle.id)).path, query: [:])
        matching = cycle.state == .matching
        hasRelationships = page.hasRelationships
        poorFits = page.poorFits == 0 ? nil : "\(page.poorFits) \(page.poorFits == 1 ? "pairing" : "pairings") called not a fit in the fit check"
            + (page.notAFit.isEmpty ? "." : ". End one and pair its mentee again: the same mentor is not proposed.")
        notAFit = page.notAFit.map { named in
            // A pair ends and its mentee is paired again; a group's member leaves it from the workspace instead.
            let single = named.seen.relationship.currentMembers.count == 1
            return NotAFit(pair: "\(named.mentees) with \(named.mentor)", endHref: SiteURL.relationship(.value(named.seen.relationship.id), .end).path,
                           mentee: single ? named.mentees : nil, reason: "Not a fit, said in the fit check")
        }
        relationshipsPaging = Paging(page.relationships) { offset, limit in
            SiteURL.cycle(.value(cycle.id)).with([URLQueryItem(name: "relationships-offset", value: String(offset)),
                                                  URLQueryItem(name: "relationships-limit", value: String(limit))])
        }
        active = cycle.state == .active
        speed = programme.format == .speed
    }

    /// The pulse and the fit check in figures and words — never a comment.
    private static func pulse(_ seen: RelationshipWorkspace.Oversight) -> String? {
        let parts = [seen.fit == .poor ? "not a fit" : nil, seen.pulse.map { $0.concern ?? "pulse \(PulseTrend.figure($0.latest)) of 5" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
