import Foundation

/// Awards the milestones relationships have earned to everyone still in them, each once: a row
/// whose key is the person, the relationship and the kind is claimed in the transaction that
/// writes its message to the inbox, so a second award — a repeated action, another server — finds
/// it taken and writes nothing.
struct MilestoneAwards: Sendable {
    let store: any LodestarRepositories
    let publicURL: String

    /// Awards what `relationships` (of cycles by id in `cycles`) earned by `now`; returns the new awards.
    @discardableResult
    func award(in relationships: [Relationship], cycles: [Cycle.ID: Cycle], now: Date) async throws -> [Milestone] {
        let ids = relationships.map(\.id)
        guard !ids.isEmpty else { return [] }
        let agreements = Dictionary(grouping: try await store.agreements(ofAny: ids), by: \.relationshipID).compactMapValues { $0.max { $0.version < $1.version } }
        let meetings = Dictionary(grouping: try await store.meetings(ofAny: ids), by: \.relationshipID)
        let goals = Dictionary(grouping: try await store.goalVersions(ofAny: ids), by: \.relationshipID).mapValues { RelationshipWorkspace.current($0).map(\.goal) }
        let awarded = Set(try await store.milestones(ofAny: ids).map { Key(person: $0.personID, relationship: $0.relationshipID, kind: $0.kind) })
        var due: [Milestone] = []
        for relationship in relationships {
            let kinds = MilestoneKind.earned(by: relationship, agreement: agreements[relationship.id], meetings: meetings[relationship.id] ?? [],
                                             goals: goals[relationship.id] ?? [], cycleClosed: cycles[relationship.cycleID]?.state == .closed)
            for person in relationship.currentParticipants {
                for kind in MilestoneKind.allCases where kinds.contains(kind) && !awarded.contains(Key(person: person, relationship: relationship.id, kind: kind)) {
                    due.append(Milestone(personID: person, relationshipID: relationship.id, kind: kind, awardedAt: now))
                }
            }
        }
        guard !due.isEmpty else { return [] }
        let people = Dictionary(uniqueKeysWithValues: try await store.people(ids: Set(due.map(\.personID))).map { ($0.id, $0) })
        var written: [Milestone] = []
        for milestone in due {
            guard let person = people[milestone.personID], let relationship = relationships.first(where: { $0.id == milestone.relationshipID }),
                  let cycle = cycles[relationship.cycleID] else { continue }
            let notice = NoticeWriter(publicURL: publicURL, now: now, about: cycle.programmeID)
                .milestone(milestone.kind, to: person, home: .home)
            let claimed = try await store.inTransaction { tx in
                guard try await tx.claim(milestone) else { return false }
                try await tx.save(notice)
                return true
            }
            if claimed { written.append(milestone) }
        }
        return written
    }

    private struct Key: Hashable {
        let person: Person.ID
        let relationship: Relationship.ID
        let kind: MilestoneKind
    }
}

extension RelationshipWorkspace {
    /// Awards what the relationship has earned after a change by one of its people.
    func celebrate(_ id: Relationship.ID, now: Date) async throws {
        guard let relationship = try await store.relationship(id), let cycle = try await store.cycle(relationship.cycleID) else { return }
        try await MilestoneAwards(store: store, publicURL: publicURL).award(in: [relationship], cycles: [cycle.id: cycle], now: now)
    }
}
