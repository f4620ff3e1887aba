import Foundation

/// A person's recognition (PRODUCT.md M16): the milestones their relationships reached, and the
/// badges their record earns — read for the person themselves and for whoever may see their
/// directory page.
public struct Recognition: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use case over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// The milestones and badges of `personID`.
    public func of(_ personID: Person.ID) async throws -> RecognitionRecord {
        guard let person = try await store.person(personID) else { throw NotFound("person", personID) }
        if principal.person?.id != personID { try principal.requireSight(of: person) }
        let relationships = try await store.relationships(of: personID)
        let ids = relationships.map(\.id)
        let milestones = try await store.milestones(of: personID)
        let cycles = try await store.cyclesWithProgrammes(of: personID)
        let places = Dictionary(cycles.map { ($0.cycle.id, $0.cycle.place(in: $0.programme)) }, uniquingKeysWith: { first, _ in first })
        let cycleOf = Dictionary(relationships.map { ($0.id, $0.cycleID) }, uniquingKeysWith: { first, _ in first })
        let pulses = try await store.pulses(ofAny: ids)
        // Goals achieved count where the person was mentored.
        let mentored = relationships.filter { $0.members.contains { $0.person == personID } }.map(\.id)
        let goals = Dictionary(grouping: try await store.goalVersions(ofAny: mentored), by: \.relationshipID).values.flatMap { RelationshipWorkspace.current($0).map(\.goal) }
        return RecognitionRecord(
            person: person,
            milestones: milestones.map { ($0, cycleOf[$0.relationshipID].flatMap { places[$0] } ?? "") },
            badges: Badge.earned(by: personID, relationships: relationships, pulses: pulses, goalsAchieved: goals.filter(\.isAchieved).count,
                                 trained: try await trained(personID, in: relationships, cycles: cycles)))
    }

    /// True when the person completed every mentor module of a programme they mentor in.
    private func trained(_ personID: Person.ID, in relationships: [Relationship], cycles: [(cycle: Cycle, programme: Programme)]) async throws -> Bool {
        let mentoring = Set(cycles.filter { entry in
            relationships.contains { $0.cycleID == entry.cycle.id && $0.mentorPerson == personID }
        }.map(\.programme.id))
        let modules = try await store.trainingModules(of: mentoring).filter { $0.role == .mentor }
        guard !modules.isEmpty else { return false }
        let done = Set(try await store.completions(of: [personID]).map(\.moduleID))
        return Dictionary(grouping: modules, by: \.programmeID).values.contains { $0.allSatisfy { done.contains($0.id) } }
    }
}

/// A person's milestones (each with its programme and cycle) and badges.
public struct RecognitionRecord: Sendable {
    public let person: Person
    public let milestones: [(milestone: Milestone, place: String)]
    public let badges: [Badge]
}

/// A badge a record earns: mentors for cycles mentored, training and a consistently high pulse;
/// mentees for goals achieved and for rating their meetings.
public struct Badge: Sendable, Equatable {
    public let title: String
    public let reason: String

    static func earned(by person: Person.ID, relationships: [Relationship], pulses: [MeetingPulse], goalsAchieved: Int, trained: Bool) -> [Badge] {
        var badges: [Badge] = []
        let mentored = Set(relationships.filter { $0.mentorPerson == person }.map(\.cycleID)).count
        if mentored >= 3 { badges.append(Badge(title: "Seasoned mentor", reason: "mentored in \(mentored) cycles")) }
        if trained { badges.append(Badge(title: "Trained mentor", reason: "completed a programme's mentor training")) }
        // What the others in their relationships said of the meetings they mentored.
        let mentoredIDs = Set(relationships.filter { $0.mentorPerson == person }.map(\.id))
        let received = pulses.filter { mentoredIDs.contains($0.relationshipID) && $0.personID != person && (1...5).contains($0.rating) }
        if received.count >= 5 {
            let mean = Double(received.map(\.rating).reduce(0, +)) / Double(received.count)
            if mean >= 4.5 { badges.append(Badge(title: "Consistently valued", reason: "meetings rated \(mean.written(decimals: 1)) of 5 on average by those mentored, over \(received.count) ratings")) }
        }
        let asMentee = relationships.contains { $0.members.contains { $0.person == person } }
        if asMentee && goalsAchieved >= 3 { badges.append(Badge(title: "Goal achiever", reason: "\(goalsAchieved) goals achieved")) }
        let given = pulses.filter { $0.personID == person }.count
        if asMentee && given >= 5 { badges.append(Badge(title: "Reflective learner", reason: "rated \(given) meetings")) }
        return badges
    }
}
