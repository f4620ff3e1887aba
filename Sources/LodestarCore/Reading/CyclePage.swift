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
    /// Of those, while the cycle is active, the ones still open — each waits for its manager to end it and pair again.
    public let notAFit: [Oversight]
    /// While the cycle is draft: whether its programme passes the readiness check it must pass to open.
    public let readiness: ReadinessReport?
    /// When each mentor last did something in the cycle's mentoring (absent: nothing yet).
    public let mentorLastActive: [Person.ID: Date]
    /// Mentors of open relationships quiet for more than two cadences, the longest quiet first.
    public let quietMentors: [QuietMentor]

    /// A mentor who has gone quiet: nothing done in their mentoring since `since`.
    public struct QuietMentor: Sendable {
        public let person: Person.ID
        public let name: String
        /// Their last activity, nil when they have done nothing since matched.
        public let lastActive: Date?
        /// What the quiet is counted from: their last activity, else their first relationship's start.
        public let since: Date
        /// Whole days of quiet at the time the page was read.
        public let days: Int
        public let relationships: Int

        /// The quiet mentors among `relationships`' mentors at `now`.
        static func among(_ relationships: [Oversight], activity: [Person.ID: Date], cadence: MeetingCadence, now: Date) -> [QuietMentor] {
            let open = relationships.filter { $0.seen.relationship.endedAt == nil }
            return Dictionary(grouping: open, by: \.seen.relationship.mentorPerson).compactMap { mentor, theirs -> QuietMentor? in
                guard let started = theirs.map(\.seen.relationship.startedAt).min() else { return nil }
                let since = max(activity[mentor] ?? started, started)
                let quiet = now.timeIntervalSince(since)
                guard quiet > 2 * TimeInterval(cadence.days) * 86400 else { return nil }
                return QuietMentor(person: mentor, name: theirs[0].mentor, lastActive: activity[mentor], since: since, days: Int(quiet / 86400),
                                   relationships: theirs.count)
            }
            .sorted { ($0.since, $0.name) < ($1.since, $1.name) }
        }
    }

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
        // A closed cycle reads as it stood at its end: no pair turns "at risk" for not meeting after it.
        let asOf = cycle.state == .closed ? min(now, cycle.dates.end ?? now) : now
        let oversight = try await RelationshipWorkspace(store: store, principal: principal).oversight(of: relationships, in: programme, now: asOf)
        let named = try await Oversight.named(oversight, store).sorted { ($0.seen.health, $0.mentees) < ($1.seen.health, $1.mentees) }
        let activity = relationships.isEmpty ? [:] : try await store.mentorActivity(in: cycle.id)
        return CyclePage(cycle: cycle, programme: programme, counts: try await store.enrolmentCounts(in: cycle.id), enrolled: enrolled,
                         relationships: Page(slicing: named, relationshipsPage), hasRelationships: !named.isEmpty, poorFits: named.filter { $0.seen.fit == .poor }.count,
                         notAFit: cycle.state == .active ? named.filter { $0.seen.fit == .poor && $0.seen.relationship.endedAt == nil } : [],
                         readiness: cycle.state == .draft ? try await ReadinessReview.report(of: programme.id, store) : nil,
                         mentorLastActive: activity,
                         quietMentors: cycle.state == .active ? QuietMentor.among(named, activity: activity, cadence: programme.cadence, now: now) : [])
    }
}
