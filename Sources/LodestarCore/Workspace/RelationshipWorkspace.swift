import Foundation

/// The relationship workspace (M8–M11) of one mentor and one mentee: their agreement, their
/// notes, the meetings they held. Only the two of them open it; a programme manager or an admin
/// sees the oversight — that meetings happened and how long they were — and never a note.
public struct RelationshipWorkspace: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Everything one participant sees.
    public struct Contents: Sendable {
        public let relationship: Relationship
        public let mentor: Person
        public let mentee: Person
        /// True when the principal is the mentor.
        public let asMentor: Bool
        /// Every version, newest last.
        public let agreements: [Agreement]
        /// The principal's own notes and the partner's shared ones, newest first.
        public let notes: [Note]
        public let meetings: [HeldMeeting]
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
    }

    /// Opens the workspace (participants only).
    public func open(_ id: Relationship.ID) async throws -> Contents {
        let (relationship, me) = try await participation(id)
        guard let mentor = try await store.person(relationship.mentorPerson), let mentee = try await store.person(relationship.menteePerson) else {
            throw NotFound("relationship", id)
        }
        let notes = try await store.notes(of: id).filter { $0.author == me || $0.shared }
        return Contents(relationship: relationship, mentor: mentor, mentee: mentee, asMentor: me == relationship.mentorPerson,
                        agreements: try await store.agreements(of: id), notes: notes, meetings: try await store.meetings(of: id))
    }

    /// The oversight of a relationship: its participants, the programme's managers, admins.
    public func oversight(of relationship: Relationship) async throws -> Oversight {
        guard let cycle = try await store.cycle(relationship.cycleID), let programme = try await store.programme(cycle.programmeID) else {
            throw NotFound("relationship", relationship.id)
        }
        if !(principal.isPerson(relationship.mentorPerson) || principal.isPerson(relationship.menteePerson)) {
            try principal.requireManager(of: programme, "seeing how a relationship goes")
        }
        let meetings = try await store.meetings(of: relationship.id)
        return Oversight(relationship: relationship, agreementSigned: try await store.agreements(of: relationship.id).last?.isSigned ?? false,
                         meetings: meetings.count, minutes: meetings.reduce(0) { $0 + $1.minutes }, lastMeeting: meetings.map(\.heldOn).max())
    }

    /// Writes a new version of the agreement; both must sign it again.
    public func editAgreement(_ id: Relationship.ID, terms: Agreement.Terms, now: Date) async throws -> Agreement {
        let (_, me) = try await participation(id)
        let version = (try await store.agreements(of: id).last?.version ?? 0) + 1
        let agreement = Agreement(relationshipID: id, version: version, terms: terms, editedBy: me, editedAt: now)
        try await store.save(agreement)
        return agreement
    }

    /// Signs the current version; `version` is the one the signer read, so a text changed in
    /// the meantime is not signed unseen.
    public func signAgreement(_ id: Relationship.ID, version: Int, now: Date) async throws -> Agreement {
        let (relationship, me) = try await participation(id)
        guard var agreement = try await store.agreements(of: id).last else {
            throw ValidationError([FieldIssue(field: "agreement", message: "there is no agreement to sign yet; write it first")])
        }
        guard agreement.version == version else {
            throw ValidationError([FieldIssue(field: "version", message: "the agreement changed since you read it (now version \(agreement.version)); read it again before signing")])
        }
        if me == relationship.mentorPerson { agreement.mentorSignedAt = agreement.mentorSignedAt ?? now } else { agreement.menteeSignedAt = agreement.menteeSignedAt ?? now }
        try await store.save(agreement)
        return agreement
    }

    /// Adds a note, private to its author unless shared with the partner.
    public func addNote(_ id: Relationship.ID, text: String, shared: Bool, now: Date) async throws -> Note {
        let (_, me) = try await participation(id)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ValidationError([FieldIssue(field: "text", message: "is empty")]) }
        guard text.count <= 10_000 else { throw ValidationError([FieldIssue(field: "text", message: "is longer than 10,000 characters")]) }
        let note = Note(relationshipID: id, author: me, shared: shared, text: text, writtenAt: now)
        try await store.save(note)
        return note
    }

    /// Logs a meeting that was held.
    public func logMeeting(_ id: Relationship.ID, heldOn: Date, minutes: Int, mode: MeetingMode, now: Date) async throws -> HeldMeeting {
        let (relationship, me) = try await participation(id)
        var issues: [FieldIssue] = []
        if !(5...600).contains(minutes) { issues.append(FieldIssue(field: "minutes", message: "\(minutes) is not a meeting's length; give 5 to 600 minutes")) }
        if heldOn > now { issues.append(FieldIssue(field: "heldOn", message: "is in the future; log meetings once they are held")) }
        if heldOn < relationship.startedAt.addingTimeInterval(-86400) {
            issues.append(FieldIssue(field: "heldOn", message: "is before the relationship began"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let meeting = HeldMeeting(relationshipID: id, heldOn: heldOn, minutes: minutes, mode: mode, loggedBy: me)
        try await store.save(meeting)
        return meeting
    }

    /// The relationship and the principal's person in it, or a refusal that says why.
    private func participation(_ id: Relationship.ID) async throws -> (Relationship, Person.ID) {
        guard let relationship = try await store.relationship(id) else { throw NotFound("relationship", id) }
        guard let me = principal.person?.id, me == relationship.mentorPerson || me == relationship.menteePerson else {
            throw AccessDenied("A relationship's workspace is open only to its mentor and mentee: their agreement and notes stay between them.")
        }
        return (relationship, me)
    }
}
