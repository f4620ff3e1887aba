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
    let moves: [String]
    let csrf: String
    let participants: [Participant]
    let paging: Paging
    /// While matching: the way to the plan.
    let matching: Bool
    let relationships: [Pair]
    let hasRelationships: Bool
    let relationshipsPaging: Paging
    /// While active: the way to pair by hand (late joiners, re-matching).
    let active: Bool
    /// Speed programmes: the way to the event.
    let speed: Bool
    /// The relationships' two columns: "Mentee"/"Mentor", "Mentees"/"Mentor" for groups, "Members"/"Convener" for circles.
    let menteeColumn: String
    let mentorColumn: String

    /// A relationship as its managers see it: never its notes.
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
        let order: RelationshipHealth
    }

    struct StateStep { let name: String; let current: Bool; let done: Bool }
    struct Participant { let href: String; let name: String; let title: String; let department: String; let role: String; let detail: String }

    static func load(_ cycle: Cycle, page: PageRequest, relationshipsPage: PageRequest, for principal: Principal, csrf: String, now: Date,
                     _ store: any LodestarRepositories) async throws -> CycleView {
        let programme = try await store.programme(cycle.programmeID)
        let enrolments = try await store.enrolments(in: cycle.id, role: nil, page: page)
        let relationships = try await store.relationships(in: cycle.id)
        // The people on this page: its enrolments', and the relationships' (sorted by name below).
        let shown = Set(enrolments.items.map(\.personID)).union(relationships.flatMap { [$0.mentorPerson] + $0.members.map(\.person) })
        let people = Dictionary(try await store.people(ids: shown).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var participants: [Participant] = []
        for enrolment in enrolments.items {
            guard let person = people[enrolment.personID] else { continue }
            let detail = enrolment.role == .mentor
                ? "capacity \(enrolment.profile.capacity ?? 0) · offers \(enrolment.profile.skills.map(\.competency).joined(separator: ", "))"
                : "develops \(enrolment.profile.developmentGoals.sorted { $0.priority < $1.priority }.map(\.competency).joined(separator: ", "))"
            participants.append(Participant(href: SiteURL.person(.value(person.id)).path, name: person.name, title: person.title,
                                            department: person.department, role: enrolment.role.rawValue, detail: detail))
        }
        var oversight: [RelationshipWorkspace.Oversight] = []
        if let programme {
            oversight = try await RelationshipWorkspace(store: store, principal: principal).oversight(of: relationships, in: programme, now: now)
        }
        var pairs = oversight.map { seen in
            Pair(endHref: SiteURL.relationship(.value(seen.relationship.id), .end).path, isOpen: seen.relationship.endedAt == nil, endReason: seen.relationship.endReason,
                 mentor: people[seen.relationship.mentorPerson]?.name ?? "?", mentee: seen.relationship.currentMembers.map { people[$0.person]?.name ?? "?" }.joined(separator: ", "),
                 score: String(format: "%.1f", seen.relationship.score), agreement: seen.agreementSigned ? "signed" : "not yet",
                 meetings: seen.meetings, hours: String(format: "%.1f", Double(seen.minutes) / 60),
                 health: seen.health.rawValue, healthLabel: seen.health.label, order: seen.health)
        }
        // Those at risk first, then needing attention, then on track.
        pairs.sort { ($0.order, $0.mentee) < ($1.order, $1.mentee) }
        let pairsPage = Page(slicing: pairs, relationshipsPage)
        let shape = programme?.relationshipShape ?? .pair
        let menteeColumn = switch shape { case .pair: "Mentee"; case .group: "Mentees"; case .circle: "Members" }
        let order = CycleState.allCases
        let position = order.firstIndex(of: cycle.state) ?? 0
        let next = cycle.state.allowedNextStates.map(\.rawValue)
        return CycleView(
            title: "\(programme?.name ?? "Programme") · \(cycle.name)", crumbs: [Crumb("Programmes", SiteURL.home.path), Crumb(programme?.name ?? "", SiteURL.programme(.value(cycle.programmeID)).path)], cycleLinks: CycleLinks(cycle.id),
            programmeName: programme?.name ?? "", cycle: CycleSummary(cycle, counts: try await store.enrolmentCounts(in: cycle.id)),
            states: order.enumerated().map { StateStep(name: $1.rawValue, current: $0 == position, done: $0 < position) },
            nextStates: next.isEmpty ? "none — this cycle is closed" : next.joined(separator: " or "),
            moves: cycle.state.movesByHand(menteesChoose: programme?.effectiveMatching.menteeChoice != nil).map(\.rawValue), csrf: csrf,
            participants: participants, paging: Paging(enrolments, path: SiteURL.cycle(.value(cycle.id)).path, query: [:]),
            matching: cycle.state == .matching, relationships: pairsPage.items, hasRelationships: !pairs.isEmpty,
            relationshipsPaging: Paging(pairsPage) { offset, limit in
                SiteURL.cycle(.value(cycle.id)).with([URLQueryItem(name: "relationships-offset", value: String(offset)), URLQueryItem(name: "relationships-limit", value: String(limit))])
            },
            active: cycle.state == .active,
            speed: programme?.format == .speed,
            menteeColumn: menteeColumn, mentorColumn: shape == .circle ? "Convener" : "Mentor")
    }
}
