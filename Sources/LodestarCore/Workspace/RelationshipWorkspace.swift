import Foundation

/// The relationship workspace (M8–M11) of a mentor and their mentee — or their group, or a peer
/// circle: the agreement, goals, notes, the meetings held. Only those in it open it; a programme
/// manager or an admin sees the oversight — that meetings happened and how long they were — and
/// never a note.
public struct RelationshipWorkspace: Sendable {
    let store: any LodestarRepositories
    let principal: Principal
    /// Where Lodestar is reached, for the links in the messages it sends (no trailing slash).
    let publicURL: String

    /// Creates the use cases, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal, publicURL: String = "") {
        self.store = store
        self.principal = principal
        self.publicURL = publicURL
    }

    /// Everything one participant sees.
    public struct Contents: Sendable {
        public let relationship: Relationship
        public let people: RelationshipPeople
        /// The principal.
        public let me: Person.ID
        /// True when the principal is the mentor (a circle's convener).
        public var asMentor: Bool { me == relationship.mentorPerson }
        /// True when the principal left this group; they read, and change nothing.
        public var left: Bool { relationship.member(me)?.leftAt != nil }
        /// The programme (kudos are sent within it) and its format (reverse and distance mentoring read differently).
        public let programmeID: Programme.ID?
        public let format: MentoringFormat
        /// How often the programme's pairs meet (a series of meetings repeats at it).
        public let cadence: MeetingCadence
        /// Set when the relationship's cycle has closed — the relationship is complete: the cycle's name.
        public let completedIn: String?
        /// A pair, a group or a peer circle.
        public let shape: RelationshipShape
        /// Every version, newest last.
        public let agreements: [Agreement]
        /// The principal's own notes and the others' shared ones, newest first.
        public let notes: [Note]
        public let meetings: [HeldMeeting]
        /// The principal's own pulse on each meeting they rated.
        public let myPulses: [HeldMeeting.ID: MeetingPulse]
        /// The principal is asked the fit check with their next pulse.
        public let asksFit: Bool
        /// Meetings arranged ahead, soonest first, cancelled ones included.
        public let scheduled: [ScheduledMeeting]
        /// Each goal's latest version, open ones first then soonest due, with every version, oldest first.
        public let goals: [(goal: Goal, history: [Goal])]
        /// The competencies the mentees named as development goals in their profile and no open
        /// goal builds yet, by priority: where a new goal can start.
        public let developmentGoals: [String]
        /// The story they tell together, once one of them wrote it.
        public let story: SuccessStory?
        /// The competency catalogue, for naming goals' competencies.
        public let competencies: [Competency]
        public var minutes: Int { meetings.reduce(0) { $0 + $1.minutes } }
        public var agreement: Agreement? { agreements.last }
    }

    /// What the programme's managers see: that meetings happened and how long — no text.
    public struct Oversight: Sendable {
        public let relationship: Relationship
        public let agreementSigned: Bool
        public let meetings: Int
        public let minutes: Int
        public let lastMeeting: Date?
        /// Goals past their date and not reached.
        public let overdueGoals: Int
        /// The pulse over the last rated meetings, nil before any; its `concern` is shown as figures.
        public let pulse: PulseTrend?
        /// The comments their authors shared with the managers, newest first.
        public let sharedComments: [MeetingPulse]
        /// The least good of the participants' latest fit-check answers, nil before any.
        public let fit: FitAnswer?
        public let health: RelationshipHealth
    }

    /// Opens the workspace (participants only).
    public func open(_ id: Relationship.ID) async throws -> Contents {
        let (relationship, me) = try await participation(id)
        let notes = try await store.notes(of: id).filter { $0.author == me || $0.shared }
        let place = try await store.cycleWithProgramme(relationship.cycleID)
        let programme = place?.programme
        let mine = try await store.pulses(ofAny: [id]).filter { $0.personID == me }
        let goals = Self.current(try await store.goalVersions(of: id))
        return Contents(relationship: relationship, people: try await people(relationship), me: me,
                        programmeID: programme?.id, format: programme?.format ?? .oneToOne, cadence: programme?.cadence ?? .monthly,
                        completedIn: place.flatMap { $0.cycle.state == .closed ? $0.cycle.name : nil }, shape: programme?.relationshipShape ?? .pair,
                        agreements: try await store.agreements(of: id), notes: notes, meetings: try await store.meetings(of: id),
                        myPulses: Dictionary(mine.map { ($0.meetingID, $0) }, uniquingKeysWith: { _, last in last }), asksFit: FitAnswer.asked(of: me, in: mine),
                        scheduled: try await store.scheduledMeetings(of: id),
                        goals: goals, developmentGoals: try await developmentGoals(of: relationship, me: me, besides: goals.map(\.goal)),
                        story: try await store.story(of: id), competencies: try await store.competencies())
    }

    /// The oversight of a relationship: its participants, the programme's managers, admins.
    public func oversight(of relationship: Relationship, now: Date) async throws -> Oversight {
        guard let programme = try await store.programme(of: relationship) else {
            throw NotFound("relationship", relationship.id)
        }
        return try await oversight(of: [relationship], in: programme, now: now)[0]
    }

    /// The oversight of relationships of one programme (a cycle's, for its page), the access
    /// asked once: the principal is in every one of them, or manages the programme.
    public func oversight(of relationships: [Relationship], in programme: Programme, now: Date) async throws -> [Oversight] {
        if !relationships.allSatisfy({ relationship in principal.person.map { relationship.includes($0.id) } ?? false }) {
            try principal.requireManager(of: programme, "seeing how a relationship goes")
        }
        // Four queries for all of them, not four per relationship.
        let ids = relationships.map(\.id)
        let meetings = Dictionary(grouping: try await store.meetings(ofAny: ids), by: \.relationshipID)
        let goals = Dictionary(grouping: try await store.goalVersions(ofAny: ids), by: \.relationshipID)
        let agreements = Dictionary(grouping: try await store.agreements(ofAny: ids), by: \.relationshipID)
        let pulses = Dictionary(grouping: try await store.pulses(ofAny: ids), by: \.relationshipID)
        return relationships.map { relationship in
            let held = meetings[relationship.id] ?? []
            let lastMeeting = held.map(\.heldOn).max()
            let overdue = Self.current(goals[relationship.id] ?? []).filter { $0.goal.isOverdue(at: now) }.count
            let rated = pulses[relationship.id] ?? []
            let pulse = PulseTrend(rated, meetings: held)
            let fits = FitAnswer.latest(in: rated).values
            return Oversight(
                relationship: relationship, agreementSigned: agreements[relationship.id]?.max { $0.version < $1.version }?.isSigned(in: relationship) ?? false,
                meetings: held.count, minutes: held.reduce(0) { $0 + $1.minutes }, lastMeeting: lastMeeting, overdueGoals: overdue,
                pulse: pulse, sharedComments: rated.filter { $0.commentShared && !$0.comment.isEmpty }.sorted { $0.givenAt > $1.givenAt },
                fit: fits.max(),
                health: RelationshipHealth.assess(relationship, lastMeeting: lastMeeting, cadence: programme.cadence, overdueGoals: overdue, pulse: pulse,
                                                  poorFit: fits.contains(.poor), now: now))
        }
    }

    /// Writes a new version of the agreement; everyone must sign it again. With `expected` (the
    /// version the writer read; 0 for none yet), a text someone changed since is refused, not overwritten.
    public func editAgreement(_ id: Relationship.ID, terms: Agreement.Terms, expecting expected: Int? = nil, now: Date) async throws -> Agreement {
        let (_, me) = try await changing(id)
        return try await Self.changingVersions(of: id, in: store) { tx in
            let current = try await tx.agreements(of: id).last?.version ?? 0
            if let expected, expected != current { throw ChangedSinceRead(what: "agreement", version: current) }
            let agreement = Agreement(relationshipID: id, version: current + 1, terms: terms, editedBy: me, editedAt: now)
            try await tx.save(agreement)
            return agreement
        }
    }

    /// Runs `change` in one transaction with the relationship held, so two people writing a new
    /// version of its agreement or a goal at once write one after the other, the second on the first's.
    static func changingVersions<T: Sendable>(of id: Relationship.ID, in store: any LodestarRepositories,
                                                      _ change: @escaping @Sendable (any LodestarRepositories) async throws -> T) async throws -> T {
        try await store.inTransaction { tx in
            try await tx.lockForChange(.relationship(id))
            return try await change(tx)
        }
    }

    /// Signs the current version; `version` is the one the signer read, so a text changed in
    /// the meantime is not signed unseen.
    public func signAgreement(_ id: Relationship.ID, version: Int, now: Date) async throws -> Agreement {
        let (_, me) = try await changing(id)
        guard var agreement = try await store.agreements(of: id).last else {
            throw ValidationError([FieldIssue(field: "agreement", message: "there is no agreement to sign yet; write it first")])
        }
        guard agreement.version == version else {
            throw ValidationError([FieldIssue(field: "version", message: "the agreement changed since you read it (now version \(agreement.version)); read it again before signing")])
        }
        agreement.signatures[me] = agreement.signatures[me] ?? now
        try await store.save(agreement)
        try await celebrate(id, now: now)
        return agreement
    }

    /// Adds a note, private to its author unless shared with the others in the relationship.
    public func addNote(_ id: Relationship.ID, text: String, shared: Bool, now: Date) async throws -> Note {
        let (_, me) = try await changing(id)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ValidationError([FieldIssue(field: "text", message: "is empty")]) }
        guard text.count <= 10_000 else { throw ValidationError([FieldIssue(field: "text", message: "is longer than 10,000 characters")]) }
        let note = Note(relationshipID: id, author: me, shared: shared, text: text, writtenAt: now)
        try await store.save(note)
        return note
    }

    /// Refuses anyone but the pair, before anything else of a request is looked at.
    public func requireParticipant(_ id: Relationship.ID) async throws {
        _ = try await participation(id)
    }

    /// As `participation`, for a change: an ended relationship (or a group one has left) is kept
    /// to read, not written to.
    func changing(_ id: Relationship.ID) async throws -> (Relationship, Person.ID) {
        let (relationship, me) = try await participation(id)
        if let ended = relationship.endedAt {
            throw ValidationError([FieldIssue(field: "relationship", message: "ended on \(ended.formatted(date: .abbreviated, time: .omitted)); it is kept to read but no longer changes")])
        }
        try refuseIfLeft(relationship, me)
        try await refuseIfComplete(relationship)
        return (relationship, me)
    }

    /// A relationship whose cycle has closed is complete: read, its story told, never changed.
    func refuseIfComplete(_ relationship: Relationship) async throws {
        if let cycle = try await store.cycle(relationship.cycleID), cycle.state == .closed {
            throw ValidationError([FieldIssue(field: "relationship", message: "is complete: \(cycle.name) has closed; it is kept to read, and its story can still be told, but it no longer changes")])
        }
    }

    /// A member who left a group reads it and changes nothing (ending it included).
    func refuseIfLeft(_ relationship: Relationship, _ me: Person.ID) throws(ValidationError) {
        if let left = relationship.member(me)?.leftAt {
            throw ValidationError([FieldIssue(field: "relationship", message: "you left this group on \(left.formatted(date: .abbreviated, time: .omitted)); it is kept for you to read")])
        }
    }

    /// The relationship and the principal's person in it, or a refusal that says why.
    func participation(_ id: Relationship.ID) async throws -> (Relationship, Person.ID) {
        guard let relationship = try await store.relationship(id) else { throw NotFound("relationship", id) }
        guard let me = principal.person?.id, relationship.includes(me) else {
            throw AccessDenied("A relationship's workspace is open only to the people in it: their agreement and notes stay between them.")
        }
        return (relationship, me)
    }
}
