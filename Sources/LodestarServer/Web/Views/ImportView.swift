import Foundation
import LodestarCore

/// An uploaded CSV file before it is imported: what it would create and change, or every
/// problem by line and column with the form to upload the fixed file; once imported, what it did.
struct ImportView {
    /// The form that uploads a (fixed) file.
    struct UploadForm { let href: String; let label: String }

    let title: String
    let crumbs: [Crumb]
    let heading: String
    let fileName: String
    let uploaded: String
    let summary: ImportSummary
    let created: [ImportPreview.Entry]
    let updated: [ImportPreview.Entry]
    let moreCreated: Int?
    let moreUpdated: Int?
    let issues: [CSVIssueRows.Row]
    let issueCount: String
    let canConfirm: Bool
    /// Nothing would change: every line matches what is stored.
    let nothingToDo: Bool
    /// Once confirmed: "Imported by …, 1 Dec 2026, 14:00".
    let imported: String?
    let confirmHref: String
    let discardHref: String
    let upload: UploadForm?
    let csrf: String
    let problem: String?

    init(_ preview: ImportPreview, for principal: Principal, csrf: String, problem: String? = nil) {
        let upload = preview.upload
        let zone = principal.readingZone
        let place = Place(preview.cycle)
        (title, crumbs, heading) = place.heading(upload.fileName)
        fileName = upload.fileName
        uploaded = "Uploaded \(upload.uploaded.described(in: zone))."
        summary = preview.summary
        created = preview.created
        updated = preview.updated
        moreCreated = Self.more(preview.summary.created, shown: preview.created.count)
        moreUpdated = Self.more(preview.summary.updated, shown: preview.updated.count)
        (issues, issueCount) = CSVIssueRows.first(preview.issues)
        canConfirm = preview.canConfirm
        nothingToDo = preview.issues.isEmpty && upload.confirmedAt == nil && !preview.canConfirm
        imported = upload.confirmedAt.map { "Imported \(Attribution(by: upload.uploaded.by, at: $0).described(in: zone))." }
        confirmHref = SiteURL.upload(.value(upload.id), .confirm).path
        discardHref = SiteURL.upload(.value(upload.id), .discard).path
        self.upload = preview.issues.isEmpty ? nil : place.fixedFile
        self.csrf = csrf
        self.problem = problem
    }

    /// A file refused as it arrived (empty, too large, not UTF-8): its problems and the form again.
    init(refused error: CSVImportError, into cycle: Cycle?, fileName: String, csrf: String) {
        let place = Place(cycle)
        (title, crumbs, heading) = place.heading(fileName)
        self.fileName = fileName
        uploaded = "Not kept: the file can't be read as a CSV file."
        summary = ImportSummary(created: 0, updated: 0, unchanged: 0)
        (created, updated, moreCreated, moreUpdated) = ([], [], nil, nil)
        (issues, issueCount) = CSVIssueRows.first(error.issues)
        (canConfirm, nothingToDo, imported, confirmHref, discardHref) = (false, false, nil, "", "")
        upload = place.fixedFile
        self.csrf = csrf
        problem = nil
    }

    /// Where a file goes: the directory (from the people page) or a cycle (from its page).
    private struct Place {
        let things: String
        let back: Crumb
        let fixedFile: UploadForm

        init(_ cycle: Cycle?) {
            guard let cycle else {
                (things, back) = ("people", Crumb("People", SiteURL.people.path))
                fixedFile = UploadForm(href: SiteURL.peopleImports.path, label: "Upload the fixed file")
                return
            }
            (things, back) = ("enrolments", Crumb(cycle.name, SiteURL.cycle(.value(cycle.id)).path))
            fixedFile = UploadForm(href: SiteURL.cycle(.value(cycle.id), .imports).path, label: "Upload the fixed file")
        }

        /// The page's title, trail and heading for a file.
        func heading(_ fileName: String) -> (String, [Crumb], String) {
            ("Import \(things) · \(fileName)", [back], "Import \(things) from \(fileName)")
        }
    }

    /// How many entries a list leaves out, nil when none.
    private static func more(_ total: Int, shown: Int) -> Int? { total > shown ? total - shown : nil }
}
