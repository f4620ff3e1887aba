import Foundation
import Hummingbird
import LodestarCore

/// People and enrolment CSV files uploaded in the browser: each previewed — what it would
/// create and change, or its problems by line and column — and imported only when confirmed,
/// by the same use case as the API and the command line; and the directory as a CSV file.
struct ImportPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.peopleCSV) { _, context in
            let csv = try await context.peopleDirectory(store).exportCSV()
            return Response.csv(csv, named: "people.csv")
        }
        router.post(.peopleImports) { request, context in
            try context.signedIn().requireAdmin("importing people")
            return try await stage(.people, request, context)
        }
        router.post(.cycle(.key, .imports)) { request, context in
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
            try context.signedIn().requireManager(of: programme, "importing enrolments")
            return try await stage(.enrolments(into: cycle.id), request, context, cycle: cycle)
        }
        router.get(.upload(.key)) { _, context in
            try await page(try context.parameters.id(of: "upload"), context)
        }
        router.post(.upload(.key, .confirm)) { request, context in
            let id: PendingImport.ID = try context.parameters.id(of: "upload")
            do {
                _ = try await imports(context).confirm(id, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.upload(.value(id)).path])
            } catch let error as ValidationError {
                return try await page(id, context, problem: error.summary).response(from: request, context: context)
            } catch let error as CSVImportError {
                // The directory changed since the preview: the preview shows why now.
                return try await page(id, context, problem: "\(error.issues.count) problem(s) since the preview; nothing was written")
                    .response(from: request, context: context)
            }
        }
        router.post(.upload(.key, .discard)) { _, context in
            let upload = try await imports(context).discard(try context.parameters.id(of: "upload"))
            return Response(status: .seeOther, headers: [.location: upload.target.cycle.map { SiteURL.cycle(.value($0)).path } ?? SiteURL.people.path])
        }
    }

    private func imports(_ context: LodestarContext) throws -> Imports {
        Imports(store: store, principal: try context.signedIn())
    }

    /// Keeps the uploaded file and shows its preview; a file that can't be read is refused on the spot.
    private func stage(_ target: PendingImport.Target, _ request: Request, _ context: LodestarContext, cycle: Cycle? = nil) async throws -> Response {
        let form = try await UploadForm.read(request)
        guard let file = form.files["file"] else {
            throw ValidationError([FieldIssue(field: "file", message: "choose a CSV file to upload")])
        }
        do {
            let id = try await imports(context).stage(target, file: file.data, named: file.fileName, now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.upload(.value(id)).path])
        } catch let error as CSVImportError {
            let view = ImportView(refused: error, into: cycle, fileName: file.fileName, csrf: context.session?.csrfToken ?? "")
            return try pages.render(.import, view, for: context, status: .unprocessableContent).response(from: request, context: context)
        }
    }

    private func page(_ id: PendingImport.ID, _ context: LodestarContext, problem: String? = nil) async throws -> HTML {
        let preview = try await imports(context).preview(id, now: context.now)
        return pages.render(.import, ImportView(preview, for: try context.signedIn(), csrf: context.session?.csrfToken ?? "", problem: problem),
                            for: context, status: problem == nil ? .ok : .unprocessableContent)
    }
}
