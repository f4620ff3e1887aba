import Foundation

/// Use cases of kudos (M16): a participant thanks another participant of a programme they both
/// take part in; the recipient reads it on their home page, is told by a message that keeps the
/// words out of the mail (they are for the recipient), and decides whether it shows on the
/// programme's page.
public struct KudosBoard: Sendable {
    let store: any LodestarRepositories
    let principal: Principal
    let publicURL: String

    /// How many kudos the home page and the programme page show.
    public static let shownAtMost = 20

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal, publicURL: String = "") {
        self.store = store
        self.principal = principal
        self.publicURL = publicURL
    }

    /// Sends kudos to `recipient`, a participant of `programmeID` as the principal is.
    public func send(to recipient: Person.ID, in programmeID: Programme.ID, message: String, now: Date) async throws -> KudosLine {
        guard let me = principal.person else {
            throw AccessDenied("Kudos are sent by a programme's participants, from their own account.")
        }
        guard let programme = try await store.programme(programmeID), principal.enrolments.contains(where: { $0.programmeID == programmeID }) else {
            throw AccessDenied("Sending kudos in a programme needs a part in it: mentor or mentee.")
        }
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [FieldIssue] = []
        if message.isEmpty { issues.append(FieldIssue(field: "message", message: "is empty; say what you are thankful for")) }
        if message.count > Kudos.longest { issues.append(FieldIssue(field: "message", message: "is \(message.count) characters; keep it within \(Kudos.longest)")) }
        if recipient == me.id { issues.append(FieldIssue(field: "to", message: "is you; kudos go to someone else")) }
        let theirs = recipient == me.id ? [] : try await store.participations(of: recipient)
        if recipient != me.id, !theirs.contains(where: { $0.programmeID == programmeID }) {
            issues.append(FieldIssue(field: "to", message: "is not a participant of \(programme.name); kudos go to its mentors and mentees"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        if try await store.kudosCount(from: me.id, since: now.addingTimeInterval(-86_400)) >= Kudos.perDay {
            throw ValidationError([FieldIssue(field: "message", message: "you sent \(Kudos.perDay) kudos in the last day; send more tomorrow")])
        }
        guard let person = try await store.person(recipient) else { throw NotFound("person", recipient) }
        let kudos = Kudos(programmeID: programmeID, from: me.id, to: recipient, message: message, sentAt: now)
        let notice = NoticeWriter(publicURL: publicURL, now: now).kudos(to: person, from: me, in: programme.name, home: .home)
        try await store.inTransaction { tx in
            try await tx.save(kudos)
            try await tx.save(notice)
        }
        return KudosLine(kudos: kudos, fromName: me.name, toName: person.name, programme: programme.name)
    }

    /// Sends kudos from a relationship's workspace to one of the others in it.
    public func send(to recipient: Person.ID, within relationshipID: Relationship.ID, message: String, now: Date) async throws -> KudosLine {
        let (relationship, me) = try await RelationshipWorkspace(store: store, principal: principal).participation(relationshipID)
        guard recipient != me, relationship.currentParticipants.contains(recipient) else {
            throw ValidationError([FieldIssue(field: "to", message: "choose one of the people in this relationship")])
        }
        guard let programme = try await store.programmeID(of: relationship) else { throw NotFound("relationship", relationshipID) }
        return try await send(to: recipient, in: programme, message: message, now: now)
    }

    /// The programmes the principal takes part in, by name: where they may send kudos.
    public func myProgrammes() async throws -> [Programme] {
        let ids = Set(principal.enrolments.map(\.programmeID))
        return ids.isEmpty ? [] : try await store.programmes(ids: ids).sorted { $0.name < $1.name }
    }

    /// How many people a search for a recipient lists at most.
    public static let recipientsAtMost = 20

    /// Whom the principal may thank in one of their programmes: its participants (of any of its
    /// cycles) whose name contains `name`, themselves left out, at most `recipientsAtMost`;
    /// `more` when the search finds others beyond them.
    public func recipients(in programmeID: Programme.ID, named name: String) async throws -> (people: [Person], more: Bool) {
        guard let me = principal.person, principal.enrolments.contains(where: { $0.programmeID == programmeID }) else {
            throw AccessDenied("Finding whom to thank in a programme needs a part in it: mentor or mentee.")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.count <= 200 else { throw ValidationError([FieldIssue(field: "name", message: "is longer than 200 characters")]) }
        // One more than shown, and one more for the principal, whom the search may find too.
        let others = try await store.participants(of: programmeID, named: name, limit: Self.recipientsAtMost + 2).filter { $0.id != me.id }
        return (Array(others.prefix(Self.recipientsAtMost)), others.count > Self.recipientsAtMost)
    }

    /// The kudos the principal received, newest first.
    public func received() async throws -> [KudosLine] {
        guard let me = principal.person else { return [] }
        return try await Self.lines(try await store.kudos(to: me.id, limit: Self.shownAtMost), store)
    }

    /// Shows one's kudos on the programme's page, or takes it off (its recipient only).
    public func show(_ id: Kudos.ID, _ shown: Bool) async throws -> KudosLine {
        guard var kudos = try await store.kudos(id), principal.isPerson(kudos.to) else { throw NotFound("kudos", id) }
        try await store.setShown(id, shown)
        kudos.shown = shown
        guard let line = try await Self.lines([kudos], store).first else { throw NotFound("kudos", id) }
        return line
    }

    /// The kudos their recipients allowed on a programme's page, newest first.
    public func shown(in programmeID: Programme.ID) async throws -> [KudosLine] {
        guard let programme = try await store.programme(programmeID) else { throw NotFound("programme", programmeID) }
        try principal.requireSight(of: programme)
        return try await Self.shown(in: programmeID, store)
    }

    static func shown(in programme: Programme.ID, _ store: some KudosRepository & PeopleRepository & ProgrammeRepository) async throws -> [KudosLine] {
        try await lines(try await store.shownKudos(in: programme, limit: shownAtMost), store)
    }

    /// Kudos with their people's names and programme's name, in two queries.
    private static func lines(_ kudos: [Kudos], _ store: some PeopleRepository & ProgrammeRepository) async throws -> [KudosLine] {
        guard !kudos.isEmpty else { return [] }
        let names = try await store.names(of: Set(kudos.flatMap { [$0.from, $0.to] }))
        let programmes = Dictionary(try await store.programmes(ids: Set(kudos.map(\.programmeID))).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return kudos.map { KudosLine(kudos: $0, fromName: names[$0.from] ?? "", toName: names[$0.to] ?? "", programme: programmes[$0.programmeID] ?? "") }
    }
}
