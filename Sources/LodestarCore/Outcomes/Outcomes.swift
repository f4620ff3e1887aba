import Foundation

/// What an import of HR outcomes did.
public struct OutcomeImportSummary: Sendable, Equatable, CustomStringConvertible {
    public let created: Int
    public let replaced: Int
    public init(created: Int, replaced: Int) {
        self.created = created
        self.replaced = replaced
    }
    public var description: String { "\(created) people added, \(replaced) replaced" }
}

/// A programme's outcome lift with what it rests on.
public struct ProgrammeLift: Sendable {
    /// A cycle that has started, followed as a cohort.
    public struct Cohort: Sendable {
        public let cycle: Cycle
        public let start: Date
        public let mentees: Int
    }

    public let programme: Programme
    public let lift: OutcomeLift
    public let cohorts: [Cohort]
    /// The HR file the comparison used.
    public let record: OutcomeImportRecord
}

/// Outcome lift (PRODUCT.md M15): admins import the HR system's outcomes — joining, leaving,
/// promotion, rating — all or nothing; a programme's managers read whether its mentees stayed and
/// were promoted more than comparable people who did not take part. No one reads a person's record
/// back: the file goes in, only the groups' figures come out.
public struct Outcomes: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Imports an outcomes file; a file with any problem is refused whole, every problem named.
    public func importCSV(_ text: String, now: Date) async throws -> OutcomeImportSummary {
        try principal.requireAdmin("importing HR outcomes")
        return try await write(try OutcomesCSV.parse(text, today: now), now: now)
    }

    /// Imports outcomes sent as items keyed by the file's column names, by the file's rules.
    public func importItems(_ items: [[String: String]], now: Date) async throws -> OutcomeImportSummary {
        try principal.requireAdmin("importing HR outcomes")
        return try await write(try OutcomesCSV.rows(items: items, today: now), now: now)
    }

    /// How many people the imported outcomes cover, and who imported them last.
    public func record() async throws -> OutcomeImportRecord {
        try principal.requireManagement("reading what HR outcomes were imported")
        return try await store.outcomeImportRecord()
    }

    /// A programme's mentees' retention and promotion against comparable non-participants, on `now`.
    public func lift(of id: Programme.ID, now: Date) async throws -> ProgrammeLift {
        guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
        try principal.requireManager(of: programme, "reading a programme's outcome lift")
        // Each cycle's first day (or first match) and who took part in it; a cycle not begun is no cohort.
        var cycles: [(cycle: Cycle, start: Date?, mentees: Set<Person.ID>, enrolled: Set<Person.ID>)] = []
        for cycle in try await store.cycles(of: id).sorted(by: { $0.number < $1.number }) {
            let relationships = try await store.relationships(in: cycle.id)
            cycles.append((cycle, (cycle.dates.start ?? relationships.map(\.startedAt).min()).flatMap { $0 < now ? $0 : nil },
                           Set(relationships.flatMap { $0.members.map(\.person) }), Set(try await store.allEnrolments(in: cycle.id).map(\.personID))))
        }
        let cohorts = cycles.compactMap { cycle in
            cycle.start.map { start in
                let end = start.addingTimeInterval(OutcomeLift.window)
                let tookPart = cycles.filter { ($0.start ?? .distantFuture) <= end }.reduce(into: Set<Person.ID>()) { $0.formUnion($1.enrolled) }
                return (cycle: cycle.cycle, OutcomeLift.Cohort(start: start, mentees: cycle.mentees, tookPart: tookPart))
            }
        }
        let lift = OutcomeLift(cohorts: cohorts.map(\.1), workforce: try await store.workforce(), today: now)
        return ProgrammeLift(programme: programme, lift: lift, cohorts: cohorts.map { ProgrammeLift.Cohort(cycle: $0.cycle, start: $0.1.start, mentees: $0.1.mentees.count) },
                             record: try await store.outcomeImportRecord())
    }

    /// The rows' people found in the directory, then written in one transaction.
    private func write(_ rows: [OutcomesCSV.Row], now: Date) async throws -> OutcomeImportSummary {
        let ids = try await store.personIDsByExternalID()
        var outcomes: [EmploymentOutcome] = []
        var issues: [CSVIssue] = []
        for row in rows {
            guard let id = ids[row.personExternalID] else {
                issues.append(row.line.issue("person_id", "no one in the people directory has the id '\(row.personExternalID)'; import them with the people file first"))
                continue
            }
            outcomes.append(EmploymentOutcome(personID: id, hiredOn: row.hiredOn, leftOn: row.leftOn, promotedOn: row.promotedOn, rating: row.rating))
        }
        guard issues.isEmpty else { throw CSVImportError(issues) }
        let imported = Attribution(principal, at: now)
        let replaced = try await store.inTransaction { [outcomes] store in try await store.replace(outcomes, imported: imported) }
        return OutcomeImportSummary(created: outcomes.count - replaced, replaced: replaced)
    }
}
