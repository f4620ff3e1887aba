import LodestarCore

/// The home page of mentors and mentees: where they take part, and what their profile still lacks.
struct HomeView {
    let title = "Home"
    let heading: String
    let enrolments: [EnrolmentLine]
    let relationships: [RelationshipLine]
    // Stored, not computed: Mustache reads stored properties only.
    let hasEnrolments: Bool
    let hasRelationships: Bool
    let nothing: Bool

    struct RelationshipLine {
        let relationshipID: String
        let partner: String
        let partnerRole: String
        let partnerTitle: String
        let place: String
        let since: String
    }

    struct EnrolmentLine {
        let enrolmentID: String
        let programmeID: String
        let programme: String
        let cycle: String
        let role: String
        let state: String
        let missing: [String]
        /// Mentee-choice mode: where the mentee chooses, or the mentor answers requests.
        let choiceLink: String?
        let choiceLabel: String?
    }

    static func load(for principal: Principal, _ store: any LodestarRepositories) async throws -> HomeView {
        var lines: [EnrolmentLine] = []
        for (enrolment, programmeID) in principal.enrolments {
            guard let programme = try await store.programme(programmeID), let cycle = try await store.cycle(enrolment.cycleID) else { continue }
            let choosing = programme.effectiveMatching.menteeChoice != nil && (cycle.state == .matching || cycle.state == .active)
            let link = !choosing ? nil : enrolment.role == .mentee ? "/cycles/\(cycle.id)/choose" : "/requests"
            lines.append(EnrolmentLine(enrolmentID: enrolment.id.description, programmeID: programme.id.description, programme: programme.name, cycle: cycle.name,
                                       role: enrolment.role.rawValue, state: cycle.state.rawValue, missing: enrolment.profile.missing(for: enrolment.role),
                                       choiceLink: link, choiceLabel: link == nil ? nil : enrolment.role == .mentee ? "Choose your mentor" : "Mentees' requests"))
        }
        var relationships: [RelationshipLine] = []
        if let me = principal.person {
            for relationship in try await store.relationships(of: me.id) where relationship.endedAt == nil {
                // A member who left a group finds it no longer here (it stays readable from its link).
                guard relationship.member(me.id)?.leftAt == nil, let people = try await store.people(of: relationship),
                      let cycle = try await store.cycle(relationship.cycleID), let programme = try await store.programme(cycle.programmeID) else { continue }
                let iMentor = relationship.mentorPerson == me.id
                let others = people.others(than: me.id)
                let role = switch programme.relationshipShape {
                case .pair: iMentor ? "your mentee" : "your mentor"
                case .group: iMentor ? "your group" : "your group, mentored by \(people.mentor.name)"
                case .circle: "your peer circle"
                }
                relationships.append(RelationshipLine(relationshipID: relationship.id.description, partner: others.names, partnerRole: role,
                                                      partnerTitle: others.count == 1 ? "\(others[0].title), \(others[0].department)" : "\(others.count + 1) people",
                                                      place: "\(programme.name) · \(cycle.name)",
                                                      since: relationship.startedAt.formatted(date: .abbreviated, time: .omitted)))
            }
        }
        return HomeView(heading: "Welcome, \(principal.displayName)", enrolments: lines, relationships: relationships,
                        hasEnrolments: !lines.isEmpty, hasRelationships: !relationships.isEmpty, nothing: lines.isEmpty)
    }
}
