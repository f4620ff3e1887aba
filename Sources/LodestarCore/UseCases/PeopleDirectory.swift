import Foundation

/// Use cases of the people directory: import, export, create, update, reporting line.
public struct PeopleDirectory: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal` (changes need an organisation admin).
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Imports a people CSV all-or-nothing; people are matched on their external id.
    public func importCSV(_ text: String, now: Date) async throws -> ImportSummary {
        try principal.requireAdmin("importing people")
        let (rows, fieldIssues) = try PeopleCSV.read(text)
        return try await importRows(rows, fieldIssues, now: now)
    }

    /// Imports people sent as JSON items, all-or-nothing, by the CSV import's rules and messages
    /// (an item's index stands where a line's number would).
    /// With `dryRun`, says what the import would do and writes nothing.
    public func importItems(_ records: [PersonRecord], now: Date, dryRun: Bool = false) async throws -> ImportSummary {
        try principal.requireAdmin("importing people")
        let (rows, fieldIssues) = PeopleCSV.rows(items: records)
        return try await importRows(rows, fieldIssues, now: now, dryRun: dryRun)
    }

    /// What importing the CSV `text` would write, with a line per created and changed person;
    /// every problem together when it can't be imported. Writes nothing.
    func preview(_ text: String) async throws -> (summary: ImportSummary, created: [ImportPreview.Entry], updated: [ImportPreview.Entry]) {
        try principal.requireAdmin("importing people")
        let (rows, fieldIssues) = try PeopleCSV.read(text)
        let existing = try await store.allPeople()
        let plan = try PeopleImportPlan(rows: rows, existing: existing, fieldIssues: fieldIssues)
        let line = Dictionary(rows.map { ($0.record.externalID, $0.line.line) }, uniquingKeysWith: { first, _ in first })
        let before = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func entries(_ people: [Person], _ detail: (Person) -> String) -> [ImportPreview.Entry] {
            people.map { ImportPreview.Entry(line: line[$0.externalID] ?? 0, key: $0.externalID, name: $0.name, detail: detail($0)) }
                .sorted { $0.line < $1.line }
        }
        return (ImportSummary(created: plan.inserts.count, updated: plan.updates.count, unchanged: plan.unchanged),
                entries(plan.inserts) { $0.title },
                entries(plan.updates) { person in before[person.id].map { $0.changedColumns(to: person).joined(separator: ", ") } ?? "" })
    }

    /// Writes the import and, with it, the event that tells integrations (when it changed anyone).
    private func importRows(_ rows: [PeopleCSV.Row], _ fieldIssues: [CSVIssue], now: Date, dryRun: Bool = false) async throws -> ImportSummary {
        let plan = try PeopleImportPlan(rows: rows, existing: try await store.allPeople(), fieldIssues: fieldIssues)
        let summary = ImportSummary(created: plan.inserts.count, updated: plan.updates.count, unchanged: plan.unchanged)
        if dryRun { return summary }
        try await store.inTransaction { [plan] tx in
            try await tx.apply(plan)
            if summary.created + summary.updated > 0 { try await tx.enqueue(.peopleImported(summary, at: now)) }
        }
        return summary
    }

    /// The whole directory as a people CSV.
    public func exportCSV() async throws -> String {
        try principal.requireAdmin("exporting the people directory")
        return PeopleCSV.export(try await store.allPeople())
    }

    /// Adds one person, refusing duplicates, unknown managers and bad fields.
    /// Checked and written in one transaction: of two creates of one id at once, the second
    /// meets the unique index and is told the id is taken.
    public func create(_ record: PersonRecord) async throws -> Person {
        try principal.requireAdmin("adding people to the directory")
        return try await store.inTransaction { [principal] store in
            let managerID = try await PeopleDirectory(store: store, principal: principal).checked(record, existing: nil)
            let person = record.person(existing: nil, managerID: managerID)
            try await store.save(person)
            return person
        }
    }

    /// Changes one person; fields the record leaves nil keep their stored value.
    public func update(_ id: Person.ID, with record: PersonRecord) async throws -> Person {
        try principal.requireAdmin("changing people in the directory")
        return try await store.inTransaction { [principal] store in
            guard let existing = try await store.person(id) else { throw NotFound("person", id) }
            let managerID = try await PeopleDirectory(store: store, principal: principal).checked(record, existing: existing)
            let person = record.person(existing: existing, managerID: managerID)
            try await store.save(person)
            return person
        }
    }

    /// The person's managers, nearest first, up to the top of the organisation.
    public func reportingLine(of person: Person) async throws -> [Person] {
        var line: [Person] = []
        var seen: Set<Person.ID> = [person.id]
        var next = person.managerID
        while let id = next, seen.insert(id).inserted, let manager = try await store.person(id) {
            line.append(manager)
            next = manager.managerID
        }
        return line
    }

    /// Validates a record against the directory and returns the manager it names.
    private func checked(_ record: PersonRecord, existing: Person?) async throws -> Person.ID? {
        var issues = PersonRules.issues(in: record)
        if let other = try await store.person(externalID: record.externalID), other.id != existing?.id {
            issues.append(FieldIssue(field: "id", message: "'\(record.externalID)' is already the id of \(other.name)"))
        }
        if let other = try await store.person(email: record.email), other.id != existing?.id {
            issues.append(FieldIssue(field: "email", message: "'\(record.email)' is already the email of \(other.externalID)"))
        }
        var managerID = existing?.managerID
        if let managerExternalID = record.managerExternalID {
            managerID = nil
            if !managerExternalID.isEmpty {
                if let manager = try await store.person(externalID: managerExternalID) {
                    managerID = manager.id
                    let chain = try await reportingLine(of: manager)
                    if let existing, manager.id == existing.id || chain.contains(where: { $0.id == existing.id }) {
                        issues.append(FieldIssue(field: "manager_id", message: "'\(managerExternalID)' reports to \(existing.externalID), so this would make a manager loop"))
                    }
                } else {
                    issues.append(FieldIssue(field: "manager_id", message: "manager '\(managerExternalID)' does not exist"))
                }
            }
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        return managerID
    }
}
