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
    public func stage(_ kind: PendingImport.Kind, file data: Data, named fileName: String, into cycle: Cycle.ID? = nil, now: Date) async throws -> PendingImport.ID {
        try await requireAccess(kind, cycle: cycle)
        guard data.count <= PendingImport.maximumBytes else {
            throw CSVImportError([CSVIssue(line: 1, message: "the file is \(data.count / (1 << 20)) MB; a file of up to \(PendingImport.maximumBytes >> 20) MB is taken — split it")])
        }
        let text = try CSVText.decode(data)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CSVImportError([CSVIssue(line: 1, message: "the file is empty; choose a CSV file with a header line and a line per \(kind == .people ? "person" : "enrolment")")])
        }
        let name = String(fileName.unicodeScalars.filter { !SingleLineText.isRefused($0) }.prefix(200))
        let upload = PendingImport(kind: kind, cycle: cycle, fileName: name.isEmpty ? "upload.csv" : name, uploader: principal.account.id,
                                   uploaded: Attribution(principal, at: now), text: text)
        try await store.deleteUnconfirmedImports(before: now.addingTimeInterval(-PendingImport.lifetime))
        try await store.save(upload)
        return upload.id
    }

    /// What confirming the upload would do, or every problem that stops it; once confirmed, what it did.
    public func preview(_ id: PendingImport.ID, now: Date) async throws -> ImportPreview {
        let upload = try await own(id)
        if let result = upload.result { return ImportPreview(upload: upload, summary: result, created: [], updated: [], issues: []) }
        guard !upload.hasExpired(at: now) else { throw expired(upload) }
        do {
            let (summary, created, updated) = try await planned(upload)
            return ImportPreview(upload: upload, summary: summary, created: Array(created.prefix(ImportPreview.shown)),
                                 updated: Array(updated.prefix(ImportPreview.shown)), issues: [])
        } catch let error as CSVImportError {
            return ImportPreview(upload: upload, summary: ImportSummary(created: 0, updated: 0, unchanged: 0), created: [], updated: [], issues: error.issues)
        }
    }

    /// Imports the upload all or nothing, by the rules of the API's and the command line's
    /// imports — checked again, against the directory as it is now.
    public func confirm(_ id: PendingImport.ID, now: Date) async throws -> ImportSummary {
        let upload = try await own(id)
        if upload.result != nil { throw ValidationError([FieldIssue(field: "import", message: "\(upload.fileName) was imported already")]) }
        guard !upload.hasExpired(at: now) else { throw expired(upload) }
        return try await store.inTransaction { [principal] store in
            let summary: ImportSummary = switch (upload.kind, upload.cycle) {
            case (.people, _): try await PeopleDirectory(store: store, principal: principal).importCSV(upload.text, now: now)
            case (.enrolments, let cycle?): try await ProgrammeOffice(store: store, principal: principal).importEnrolments(upload.text, into: cycle)
            case (.enrolments, nil): throw NotFound("cycle of the upload", upload.id)
            }
            guard try await store.confirm(upload.id, result: summary, at: now) else {
                throw ValidationError([FieldIssue(field: "import", message: "\(upload.fileName) was imported already")])
            }
            return summary
        }
    }

    /// Drops an unconfirmed upload; returns what it was.
    @discardableResult
    public func discard(_ id: PendingImport.ID) async throws -> PendingImport {
        let upload = try await own(id)
        guard upload.result == nil else { throw ValidationError([FieldIssue(field: "import", message: "\(upload.fileName) was imported; it stays as the record")]) }
        try await store.deletePendingImport(upload.id)
        return upload
    }

    private func planned(_ upload: PendingImport) async throws -> (ImportSummary, [ImportPreview.Entry], [ImportPreview.Entry]) {
        switch (upload.kind, upload.cycle) {
        case (.people, _):
            return try await PeopleDirectory(store: store, principal: principal).preview(upload.text)
        case (.enrolments, let cycle?):
            let plan = try await ProgrammeOffice(store: store, principal: principal).enrolmentPreview(upload.text, into: cycle)
            return (plan.summary, plan.created, plan.updated)
        case (.enrolments, nil):
            throw NotFound("cycle of the upload", upload.id)
        }
    }

    /// The upload, when the principal made it: anyone else's is not found (not even that it exists).
    private func own(_ id: PendingImport.ID) async throws -> PendingImport {
        guard let upload = try await store.pendingImport(id), upload.uploader == principal.account.id else { throw NotFound("upload", id) }
        try await requireAccess(upload.kind, cycle: upload.cycle)
        return upload
    }

    private func requireAccess(_ kind: PendingImport.Kind, cycle: Cycle.ID?) async throws {
        switch (kind, cycle) {
        case (.people, _): try principal.requireAdmin("importing people")
        case (.enrolments, let cycle?): try principal.requireManager(of: try await store.cycleAndProgramme(cycle).programme, "importing enrolments")
        case (.enrolments, nil): throw ValidationError([FieldIssue(field: "cycle", message: "an enrolment file goes into a cycle")])
        }
    }

    private func expired(_ upload: PendingImport) -> ValidationError {
        ValidationError([FieldIssue(field: "import", message: "\(upload.fileName) was uploaded more than a day ago and is no longer kept; upload it again")])
    }
}
