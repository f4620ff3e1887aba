/// What an import will write: new people (managers before their reports), changed people, and
/// how many rows already matched the directory. Built whole before anything is written.
public struct PeopleImportPlan: Sendable, Equatable {
    public let inserts: [Person]
    public let updates: [Person]
    public let unchanged: Int

    /// A plan that only adds people already known to be valid (demo data, tests).
    public init(inserting people: [Person]) {
        inserts = Self.managersFirst(people)
        updates = []
        unchanged = 0
    }

    /// Checks `rows` against each other and the `existing` directory, reporting every problem
    /// together with the `fieldIssues` already found in single fields.
    public init(rows: [PeopleCSV.Row], existing: [Person], fieldIssues: [CSVIssue] = []) throws(CSVImportError) {
        var issues = fieldIssues
        let existingByExternalID = Dictionary(existing.map { ($0.externalID, $0) }, uniquingKeysWith: { first, _ in first })

        // Which row owns which external id; later duplicates are errors.
        var lineOfExternalID: [String: Int] = [:]
        var uniqueRows: [PeopleCSV.Row] = []
        for row in rows {
            if let first = lineOfExternalID[row.record.externalID] {
                issues.append(row.line.issue("id", "'\(row.record.externalID)' is already used on line \(first); each person appears once"))
                continue
            }
            lineOfExternalID[row.record.externalID] = row.line.line
            uniqueRows.append(row)
        }
        var idOfExternalID = existingByExternalID.mapValues(\.id)
        for row in uniqueRows where idOfExternalID[row.record.externalID] == nil {
            idOfExternalID[row.record.externalID] = Person.ID()
        }

        // The directory as it will be after the import.
        var final = Dictionary(uniqueKeysWithValues: existing.map { ($0.id, $0) })
        var imported: [(row: PeopleCSV.Row, person: Person)] = []
        for row in uniqueRows {
            let current = existingByExternalID[row.record.externalID]
            var managerID = current?.managerID
            if let managerExternalID = row.record.managerExternalID {
                if managerExternalID.isEmpty {
                    managerID = nil
                } else if let id = idOfExternalID[managerExternalID] {
                    managerID = id
                } else {
                    issues.append(row.line.issue("manager_id", "manager '\(managerExternalID)' does not exist in this file or the directory"))
                }
            }
            var person = row.record.person(existing: current, managerID: managerID)
            person.id = idOfExternalID[row.record.externalID]!
            final[person.id] = person
            imported.append((row, person))
        }

        issues += Self.emailClashes(imported, final: final, lineOfExternalID: lineOfExternalID)
        issues += Self.managerLoops(imported, final: final)
        guard issues.isEmpty else { throw CSVImportError(issues) }

        var inserts: [Person] = []
        var updates: [Person] = []
        var unchanged = 0
        for (_, person) in imported {
            switch existingByExternalID[person.externalID] {
            case nil: inserts.append(person)
            case person?: unchanged += 1
            default: updates.append(person)
            }
        }
        self.inserts = Self.managersFirst(inserts)
        self.updates = updates
        self.unchanged = unchanged
    }

    private static func emailClashes(
        _ imported: [(row: PeopleCSV.Row, person: Person)], final: [Person.ID: Person], lineOfExternalID: [String: Int]
    ) -> [CSVIssue] {
        var owners: [String: [Person]] = [:]
        for person in final.values { owners[person.email, default: []].append(person) }
        return imported.compactMap { row, person in
            guard let other = owners[person.email]?.filter({ $0.id != person.id })
                .min(by: { (lineOfExternalID[$0.externalID] ?? 0) < (lineOfExternalID[$1.externalID] ?? 0) }) else { return nil }
            let whereUsed = lineOfExternalID[other.externalID].map { "on line \($0)" } ?? "in the directory"
            return row.line.issue("email", "'\(person.email)' is already the email of \(other.externalID) (\(whereUsed)); emails must be unique")
        }
    }

    /// Every manager chain that returns to where it started, reported once at its first line in the file.
    private static func managerLoops(_ imported: [(row: PeopleCSV.Row, person: Person)], final: [Person.ID: Person]) -> [CSVIssue] {
        let rowOf = Dictionary(imported.map { ($0.person.id, $0.row) }, uniquingKeysWith: { first, _ in first })
        var settled: Set<Person.ID> = []
        var issues: [CSVIssue] = []
        for (_, start) in imported where !settled.contains(start.id) {
            var path: [Person.ID] = []
            var onPath: [Person.ID: Int] = [:]
            var current: Person.ID? = start.id
            while let id = current, !settled.contains(id) {
                if let loopStart = onPath[id] {
                    let loop = Array(path[loopStart...])
                    let names = (loop + [id]).compactMap { final[$0]?.externalID }.joined(separator: " → ")
                    if let first = loop.compactMap({ rowOf[$0] }).min(by: { $0.line.line < $1.line.line }) {
                        issues.append(first.line.issue("manager_id", "manager loop: \(names); someone in this chain must report elsewhere"))
                    }
                    break
                }
                onPath[id] = path.count
                path.append(id)
                current = final[id]?.managerID
            }
            settled.formUnion(path)
        }
        return issues
    }

    /// Orders new people so that each one's manager is written before them.
    private static func managersFirst(_ people: [Person]) -> [Person] {
        let newIDs = Set(people.map(\.id))
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) })
        var depth: [Person.ID: Int] = [:]
        func depthOf(_ id: Person.ID) -> Int {
            if let known = depth[id] { return known }
            var chain: [Person.ID] = []
            var current = id
            while depth[current] == nil, let manager = byID[current]?.managerID, newIDs.contains(manager) {
                chain.append(current)
                current = manager
            }
            var value = depth[current] ?? 0
            depth[current] = value
            for id in chain.reversed() { value += 1; depth[id] = value }
            return depth[id]!
        }
        return people.map { ($0, depthOf($0.id)) }.sorted { $0.1 < $1.1 }.map(\.0)
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Hashable, Codable, CustomStringConvertible {
    public let created: Int
    public let updated: Int
    public let unchanged: Int
    /// Creates a summary.
    public init(created: Int, updated: Int, unchanged: Int) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }
    public var description: String { "\(created) created, \(updated) updated, \(unchanged) unchanged" }
}

extension Person {
    /// The columns of the people CSV whose values differ in `other`, in the file's order.
    func changedColumns(to other: Person) -> [String] {
        let columns: [(String, Bool)] = [
            ("name", name != other.name), ("email", email != other.email), ("title", title != other.title), ("level", level != other.level),
            ("department", department != other.department), ("manager_id", managerID != other.managerID), ("location", location != other.location),
            ("timezone", timeZone != other.timeZone), ("languages", languages != other.languages), ("demographics", demographics != other.demographics),
        ]
        return columns.filter(\.1).map(\.0)
    }
}
