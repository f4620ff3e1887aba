import Foundation

/// A cycle as its managers see it: its state and counts, one page of who enrolled and one page
/// of its relationships with how each goes — never what the pairs wrote. Access is asked once;
/// of the people, only what the page shows is read.
public struct CyclePage: Sendable {
    public let cycle: Cycle
    public let programme: Programme
    public let counts: [EnrolmentRole: Int]
    /// One page of who enrolled.
    public let enrolled: Page<Participant>
    /// One page of relationships, those at risk first, then needing attention, then on track.
    public let relationships: Page<Oversight>
    /// Whether the cycle has any relationship at all (the section shows only then).
    public let hasRelationships: Bool
    /// Relationships someone in them called not a fit, in the whole cycle.
    public let poorFits: Int
    /// While the cycle is draft: whether its programme passes the readiness check it must pass to open.
    public let readiness: ReadinessReport?

    /// A relationship with what its managers may see of it, and its people's names.
    public struct Oversight: Sendable {
        public let seen: RelationshipWorkspace.Oversight
        public let mentor: String
        public let mentees: String

        /// The relationships with their people's names, read in one query.
        public static func named(_ seen: [RelationshipWorkspace.Oversight], _ store: any PeopleRepository) async throws -> [Oversight] {
            let names = try await store.names(of: Set(seen.flatMap { [$0.relationship.mentorPerson] + $0.relationship.members.map(\.person) }))
            return seen.map { seen in
                Oversight(seen: seen, mentor: names[seen.relationship.mentorPerson] ?? "?",
                          mentees: seen.relationship.currentMembers.map { names[$0.person] ?? "?" }.joined(separator: ", "))
            }
        }
    }

    /// Reads the page for `principal`, who must manage the cycle's programme.
    public static func read(_ cycleID: Cycle.ID, enrolled page: PageRequest, relationships relationshipsPage: PageRequest, for principal: Principal,
                            now: Date, _ store: any LodestarRepositories) async throws -> CyclePage {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "seeing who takes part in a cycle")
        let enrolled = try await store.participants(in: cycle.id, page: page)
        let relationships = try await store.relationships(in: cycle.id)
        let oversight = try await RelationshipWorkspace(store: store, principal: principal).oversight(of: relationships, in: programme, now: now)
        let named = try await Oversight.named(oversight, store).sorted { ($0.seen.health, $0.mentees) < ($1.seen.health, $1.mentees) }
        return CyclePage(cycle: cycle, programme: programme, counts: try await store.enrolmentCounts(in: cycle.id), enrolled: enrolled,
                         relationships: Page(slicing: named, relationshipsPage), hasRelationships: !named.isEmpty, poorFits: named.filter { $0.seen.fit == .poor }.count,
                         readiness: cycle.state == .draft ? try await ReadinessReview.report(of: programme.id, store) : nil)
    }
}
