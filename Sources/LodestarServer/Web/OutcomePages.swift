import Foundation
import Hummingbird
import LodestarCore

/// Outcome lift in the browser: admins import the HR outcomes file (all or nothing, every
/// problem by line and column); a programme's managers read its lift, and download it as CSV —
/// the use case the API and `lodestar report --lift` use.
struct OutcomePages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.outcomes) { _, context in
            try context.signedIn().requireAdmin("importing HR outcomes")
            return try await page(context)
        }
        router.post(.outcomes) { request, context in
            try context.signedIn().requireAdmin("importing HR outcomes")
            let form = try await UploadForm.read(request)
            guard let file = form.files["file"] else {
                throw ValidationError([FieldIssue(field: "file", message: "choose the HR outcomes CSV file to upload")])
            }
            do {
                let text = try CSVText.decode(file.data)
                let summary = try await outcomes(context).importCSV(text, now: context.now)
                return try await page(context, imported: "Imported \(file.fileName): \(summary).").response(from: request, context: context)
            } catch let error as CSVImportError {
                return try await page(context, refused: error).response(from: request, context: context)
            }
        }
        router.get(.programmeOutcomes(.key)) { _, context in
            let lift = try await outcomes(context).lift(of: try context.parameters.id(of: "programme"), now: context.now)
            return pages.render(.outcomeLift, OutcomeLiftView(lift, for: try context.signedIn()), for: context)
        }
        router.get(.programmeOutcomesCSV(.key)) { _, context in
            let lift = try await outcomes(context).lift(of: try context.parameters.id(of: "programme"), now: context.now)
            return Response.csv(CSVText.write(header: OutcomeLift.csvHeader, rows: lift.lift.csvRows), named: "outcome-lift.csv")
        }
    }

    private func outcomes(_ context: LodestarContext) throws -> Outcomes { Outcomes(store: store, principal: try context.signedIn()) }

    private func page(_ context: LodestarContext, imported: String? = nil, refused: CSVImportError? = nil) async throws -> HTML {
        let record = try await outcomes(context).record()
        let programmes = try await ProgrammeLists.programmes(for: try context.signedIn(), page: .everything, store).items
        return pages.render(.outcomes, OutcomesView(record, programmes: programmes, csrf: context.session?.csrfToken ?? "", imported: imported, refused: refused),
                            for: context, status: refused == nil ? .ok : .unprocessableContent)
    }
}
