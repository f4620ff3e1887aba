import Foundation

/// CSV files uploaded in the browser, previewed before anything is written: the uploader sees
/// what would be created, changed and left as it is — or every problem with its line and
/// column — and confirms or discards it. Confirming runs the same import as the API and the
/// command line, all or nothing. People files are the admins'; enrolment files a cycle's managers'.
public struct Imports: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Keeps an uploaded file for preview; an empty, oversized or non-UTF-8 file is refused at once.
    public func stage(_ target: PendingImport.Target, file data: Data, named fileName: String, now: Date) async throws -> PendingImport.ID {
        _ = try await requireAccess(target)
        guard data.count <= PendingImport.maximumBytes else {
            throw CSVImportError([CSVIssue(line: 1, message: "the file is \((data.count + (1 << 20) - 1) >> 20) MB; a file of up to \(PendingImport.maximumBytes >> 20) MB is taken — split it")])
        }
        let text = try CSVText.decode(data)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CSVImportError([CSVIssue(line: 1, message: "the file is empty; choose a CSV file with a header line and a line per \(target.line)")])
        }
        let name = String(fileName.unicodeScalars.filter { !SingleLineText.isRefused($0) }.prefix(200))
        let upload = PendingImport(target: target, fileName: name.isEmpty ? "upload.csv" : name, uploader: principal.account.id,
                                   uploaded: Attribution(principal, at: now), text: text)
        try await store.deleteUnconfirmedImports(before: now.addingTimeInterval(-PendingImport.lifetime))
        try await store.save(upload)
        return upload.id
    }

    /// What confirming the upload would do, or every problem that stops it; once confirmed, what it did.
    public func preview(_ id: PendingImport.ID, now: Date) async throws -> ImportPreview {
        let (upload, cycle) = try await own(id)
        func preview(_ summary: ImportSummary, _ created: [ImportPreview.Entry] = [], _ updated: [ImportPreview.Entry] = [],
                     issues: [CSVIssue] = []) -> ImportPreview {
            ImportPreview(upload: upload, cycle: cycle, summary: summary, created: Array(created.prefix(ImportPreview.shown)),
                          updated: Array(updated.prefix(ImportPreview.shown)), issues: issues)
        }
        if let result = upload.result { return preview(result) }
        guard !upload.hasExpired(at: now) else { throw expired(upload) }
        do {
            switch upload.target {
            case .people:
                let (summary, created, updated) = try await PeopleDirectory(store: store, principal: principal).preview(upload.text)
                return preview(summary, created, updated)
            case .enrolments(let cycle):
                let plan = try await ProgrammeOffice(store: store, principal: principal).enrolmentPreview(upload.text, into: cycle)
                return preview(plan.summary, plan.created, plan.updated)
            }
        } catch let error as CSVImportError {
            return preview(ImportSummary(created: 0, updated: 0, unchanged: 0), issues: error.issues)
        }
    }

    /// Imports the upload all or nothing, by the rules of the API's and the command line's
    /// imports — checked again, against the directory as it is now.
    public func confirm(_ id: PendingImport.ID, now: Date) async throws -> ImportSummary {
        let upload = try await own(id).upload
        if upload.result != nil { throw importedAlready(upload) }
        guard !upload.hasExpired(at: now) else { throw expired(upload) }
        return try await store.inTransaction { [principal] store in
            let summary = switch upload.target {
            case .people: try await PeopleDirectory(store: store, principal: principal).importCSV(upload.text, now: now)
            case .enrolments(let cycle): try await ProgrammeOffice(store: store, principal: principal).importEnrolments(upload.text, into: cycle)
            }
            guard try await store.confirm(upload.id, result: summary, at: now) else { throw importedAlready(upload) }
            return summary
        }
    }

    /// Drops an unconfirmed upload; returns what it was.
    @discardableResult
    public func discard(_ id: PendingImport.ID) async throws -> PendingImport {
        let upload = try await own(id).upload
        guard upload.result == nil else { throw ValidationError([FieldIssue(field: "import", message: "\(upload.fileName) was imported; it stays as the record")]) }
        try await store.deletePendingImport(upload.id)
        return upload
    }

    /// The upload, when the principal made it (anyone else's is not found, not even that it
    /// exists), with the cycle an enrolment file goes into.
    private func own(_ id: PendingImport.ID) async throws -> (upload: PendingImport, cycle: Cycle?) {
        guard let upload = try await store.pendingImport(id), upload.uploader == principal.account.id else { throw NotFound("upload", id) }
        return (upload, try await requireAccess(upload.target))
    }

    /// Refuses who may not import into `target`; the cycle of an enrolment file.
    private func requireAccess(_ target: PendingImport.Target) async throws -> Cycle? {
        switch target {
        case .people:
            try principal.requireAdmin("importing people")
            return nil
        case .enrolments(let cycle):
            let (cycle, programme) = try await store.cycleAndProgramme(cycle)
            try principal.requireManager(of: programme, "importing enrolments")
            return cycle
        }
    }

    private func importedAlready(_ upload: PendingImport) -> ValidationError {
        ValidationError([FieldIssue(field: "import", message: "\(upload.fileName) was imported already")])
    }

    private func expired(_ upload: PendingImport) -> ValidationError {
        ValidationError([FieldIssue(field: "import", message: "\(upload.fileName) was uploaded more than a day ago and is no longer kept; upload it again")])
    }
}
