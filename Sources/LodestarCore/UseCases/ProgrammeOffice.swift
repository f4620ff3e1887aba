import Foundation

/// Use cases of programmes, cycles and enrolment, for one principal: admins create programmes,
/// a programme's managers change it and run its cycles, a participant changes their own profile.
public struct ProgrammeOffice: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Creates a programme after checking its fields.
    public func create(_ record: ProgrammeRecord) async throws -> Programme {
        try principal.requireAdmin("creating programmes")
        try await check(record)
        let programme = Programme(record)
        try await store.save(programme)
        return programme
    }

    /// Changes a programme.
    public func update(_ id: Programme.ID, with record: ProgrammeRecord) async throws -> Programme {
        let existing = try await store.programme(id, managedBy: principal, "changing a programme")
        try requireNotArchived(existing)
        try await check(record)
        let programme = Programme(id: id, record)
        try await store.save(programme)
        return programme
    }

    /// Opens the next cycle of a programme, in draft.
    public func startCycle(of programmeID: Programme.ID, name: String?) async throws -> Cycle {
        let programme = try await store.programme(programmeID, managedBy: principal, "starting a cycle")
        try requireNotArchived(programme)
        let number = (try await store.cycles(of: programmeID).map(\.number).max() ?? 0) + 1
        let trimmed = name?.trimmingCharacters(in: .whitespaces) ?? ""
        if let issue = SingleLineText.issue(trimmed, field: "name") { throw ValidationError([issue]) }
        let cycle = Cycle(programmeID: programmeID, number: number, name: trimmed.isEmpty ? "Cycle \(number)" : trimmed)
        try await store.save(cycle)
        return cycle
    }

    /// Renames a cycle.
    public func rename(_ cycleID: Cycle.ID, to name: String) async throws -> Cycle {
        var (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "renaming a cycle")
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw ValidationError([FieldIssue(field: "name", message: "is empty")]) }
        if let issue = SingleLineText.issue(trimmed, field: "name") { throw ValidationError([issue]) }
        cycle.name = trimmed
        try await store.save(cycle)
        return cycle
    }

    /// Moves a cycle to another state, or explains which moves are allowed. A cycle leaves draft
    /// only when its programme passes the readiness check, or with an override, recorded with the move.
    public func move(_ cycleID: Cycle.ID, to state: CycleState, readinessOverride: ReadinessOverride? = nil, now: Date = Date()) async throws -> Cycle {
        var (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "changing a cycle's state")
        try requireNotArchived(programme)
        let menteesChoose = programme.effectiveMatching.menteeChoice != nil
        if cycle.state.allowedNextStates.contains(state) && !cycle.state.movesByHand(menteesChoose: menteesChoose).contains(state) {
            throw ValidationError([FieldIssue(field: "state", message: "a cycle becomes active when its matching is published (the relationships are made then)")])
        }
        let leavesDraft = cycle.state == .draft
        try cycle.move(to: state)
        let overridden = leavesDraft ? try await readinessGate(programme, leaving: cycle, override: readinessOverride) : nil
        try await store.inTransaction { [cycle] store in
            try await store.save(cycle)
            if let overridden { try await store.record(overridden) }
        }
        // Closing the cycle completes it for every relationship still open: a milestone each.
        if state == .closed { try await MilestoneAwards(store: store, publicURL: "").award(in: try await store.relationships(in: cycle.id), cycles: [cycle.id: cycle], now: now) }
        return cycle
    }

    /// Enrols a person in a cycle, or updates their profile if they are already enrolled in that role.
    public func enrol(_ personID: Person.ID, in cycleID: Cycle.ID, as role: EnrolmentRole, profile: MentoringProfile) async throws -> Enrolment {
        try principal.requireManager(of: try await programme(of: cycleID), "enrolling people")
        return try await save(personID, in: cycleID, as: role, profile: profile)
    }

    private func save(_ personID: Person.ID, in cycleID: Cycle.ID, as role: EnrolmentRole, profile: MentoringProfile) async throws -> Enrolment {
        let (cycle, programme) = try await openForEnrolment(cycleID)
        guard try await store.person(personID) != nil else { throw NotFound("person", personID) }
        let enrolment = try await enrolment(of: personID, in: cycle, of: programme, as: role, profile: profile,
                                            besides: try await enrolments(of: personID, in: cycle.id))
        try await store.save(enrolment)
        return enrolment
    }

    /// The enrolment of a person in an open cycle with `profile` — their `existing` one there in
    /// that role, updated, or a new one — by the rules of enrolment; saves nothing.
    func enrolment(of personID: Person.ID, in cycle: Cycle, of programme: Programme, as role: EnrolmentRole, profile: MentoringProfile,
                   besides existing: [Enrolment]) async throws -> Enrolment {
        try requireOpen(cycle, of: programme)
        let issues = try await enrolmentIssues(role, profile, besides: existing, in: programme)
        guard issues.isEmpty else { throw ValidationError(issues) }
        var enrolment = existing.first { $0.role == role } ?? Enrolment(cycleID: cycle.id, personID: personID, role: role, profile: profile)
        enrolment.profile = profile
        return enrolment
    }

    /// Changes the profile of an enrolment.
    public func update(_ enrolmentID: Enrolment.ID, profile: MentoringProfile) async throws -> Enrolment {
        guard let enrolment = try await store.enrolment(enrolmentID) else { throw NotFound("enrolment", enrolmentID) }
        try principal.requireAccess(to: enrolment, in: try await programme(of: enrolment.cycleID), "changing someone else's enrolment")
        return try await save(enrolment.personID, in: enrolment.cycleID, as: enrolment.role, profile: profile)
    }

    /// Imports an enrolment CSV into a cycle all-or-nothing; re-importing updates profiles in place.
    /// With `dryRun`, says what the import would do and writes nothing.
    public func importEnrolments(_ text: String, into cycleID: Cycle.ID, dryRun: Bool = false) async throws -> ImportSummary {
        try await write(try await enrolmentPreview(text, into: cycleID), dryRun: dryRun)
    }

    /// Imports enrolments sent as JSON items, all-or-nothing, by the CSV import's rules and messages.
    /// With `dryRun`, says what the import would do and writes nothing.
    public func importEnrolments(items: [EnrolmentCSV.Item], into cycleID: Cycle.ID, dryRun: Bool = false) async throws -> ImportSummary {
        try principal.requireManager(of: try await programme(of: cycleID), "importing enrolments")
        let (rows, fieldIssues) = EnrolmentCSV.rows(items: items, competencies: try await competencySlugs())
        return try await write(try await enrolmentPlan(rows, fieldIssues, into: cycleID), dryRun: dryRun)
    }

    /// What importing the enrolment CSV `text` into the cycle would write; writes nothing.
    func enrolmentPreview(_ text: String, into cycleID: Cycle.ID) async throws -> EnrolmentImportPlan {
        try principal.requireManager(of: try await programme(of: cycleID), "importing enrolments")
        let (rows, fieldIssues) = try EnrolmentCSV.read(text, competencies: try await competencySlugs())
        return try await enrolmentPlan(rows, fieldIssues, into: cycleID)
    }

    /// Saves what the plan enrols (unless it is a dry run); what it did.
    private func write(_ plan: EnrolmentImportPlan, dryRun: Bool) async throws -> ImportSummary {
        if !dryRun { try await store.save(all: plan.enrolments) }
        return plan.summary
    }

    /// What importing `rows` into the cycle would write, checked whole: every problem together,
    /// or the enrolments to save with a line per created and changed one.
    func enrolmentPlan(_ rows: [EnrolmentCSV.Row], _ fieldIssues: [CSVIssue], into cycleID: Cycle.ID) async throws -> EnrolmentImportPlan {
        let (cycle, programme) = try await openForEnrolment(cycleID)
        let existing = try await store.allEnrolments(in: cycle.id)
        let people = Dictionary(try await store.allPeople().map { ($0.externalID, $0) }, uniquingKeysWith: { first, _ in first })
        var issues = fieldIssues
        var firstLine: [String: Int] = [:]
        var plan = EnrolmentImportPlan()
        var rolesInFile: [String: (EnrolmentRole, Int)] = [:]
        for row in rows {
            let key = "\(row.personExternalID)|\(row.role.rawValue)"
            if let first = firstLine[key] {
                issues.append(row.line.issue("person_id", "\(row.personExternalID) is already enrolled as \(row.role.rawValue) on line \(first)"))
                continue
            }
            firstLine[key] = row.line.line
            guard let person = people[row.personExternalID] else {
                issues.append(row.line.issue("person_id", "'\(row.personExternalID)' is not in the people directory; import people first"))
                continue
            }
            if !programme.format.allowsBothRoles {
                if let (otherRole, line) = rolesInFile[row.personExternalID], otherRole != row.role {
                    issues.append(row.line.issue("role", "\(row.personExternalID) is also a \(otherRole.rawValue) on line \(line); only peer programmes allow both roles"))
                } else if let other = existing.first(where: { $0.personID == person.id && $0.role != row.role }) {
                    issues.append(row.line.issue("role", "\(row.personExternalID) is already a \(other.role.rawValue) in this cycle; only peer programmes allow both roles"))
                }
                rolesInFile[row.personExternalID] = (row.role, row.line.line)
            }
            guard let profile = row.profile else { continue }
            let entry = { (detail: String) in ImportPreview.Entry(line: row.line.line, key: person.externalID, name: person.name, detail: detail) }
            if var current = existing.first(where: { $0.personID == person.id && $0.role == row.role }) {
                if current.profile == profile { plan.unchanged += 1; continue }
                current.profile = profile
                plan.enrolments.append(current)
                plan.updated.append(entry("\(row.role.rawValue): profile changes"))
            } else {
                plan.enrolments.append(Enrolment(cycleID: cycle.id, personID: person.id, role: row.role, profile: profile))
                plan.created.append(entry(row.role.rawValue))
            }
        }
        guard issues.isEmpty else { throw CSVImportError(issues) }
        return plan
    }

    /// The competency slugs that exist.
    public func competencySlugs() async throws -> Set<String> {
        Set(try await store.competencies().map(\.slug))
    }

    private func check(_ record: ProgrammeRecord) async throws {
        let issues = record.issues(competencies: try await competencySlugs())
        guard issues.isEmpty else { throw ValidationError(issues) }
    }

    func programme(of cycleID: Cycle.ID) async throws -> Programme {
        try await store.cycleAndProgramme(cycleID).programme
    }


    func openForEnrolment(_ cycleID: Cycle.ID) async throws -> (Cycle, Programme) {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try requireOpen(cycle, of: programme)
        return (cycle, programme)
    }

    /// Enrolments change only in a programme not archived, while its cycle is draft or enrolling.
    func requireOpen(_ cycle: Cycle, of programme: Programme) throws {
        try requireNotArchived(programme)
        guard cycle.takesEnrolments else {
            throw ValidationError([FieldIssue(field: "cycle", message: "\(cycle.name) is \(cycle.state.rawValue); enrolments change only while a cycle is draft or enrolling")])
        }
    }

    /// A person's enrolments in one cycle.
    func enrolments(of personID: Person.ID, in cycleID: Cycle.ID) async throws -> [Enrolment] {
        try await store.enrolments(of: personID).filter { $0.cycleID == cycleID }
    }

    /// What keeps `profile` from enrolling someone as `role` beside their `existing` enrolments
    /// in the cycle: the profile's rules, and one role only outside peer programmes.
    func enrolmentIssues(_ role: EnrolmentRole, _ profile: MentoringProfile, besides existing: [Enrolment], in programme: Programme) async throws -> [FieldIssue] {
        var issues = ProfileRules.issues(in: profile, role: role, competencies: try await competencySlugs())
        if !programme.format.allowsBothRoles, let other = existing.first(where: { $0.role != role }) {
            issues.append(FieldIssue(field: "role", message: "this person is already a \(other.role.rawValue) in this cycle; only peer programmes allow both roles"))
        }
        return issues
    }
}
