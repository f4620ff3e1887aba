import Foundation
import Hummingbird
import LodestarCore

/// Succession in the browser (admins and programme managers): the high potentials with who
/// flagged them and when, flagging someone found by name, removing a flag, the pipeline by focus
/// competency, and the flagged not yet in any programme — the use case the API and the CLI use.
struct SuccessionPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.succession) { request, context in
            let succession = Succession(store: store, principal: try context.signedIn())
            let name = FormQuery(request).get("q") ?? ""
            return pages.render(.succession, SuccessionView(try await succession.pipeline(), found: try await succession.candidates(named: name), search: name,
                                                            history: try await succession.history(page: try PageRequest(limit: 10)).items,
                                                            csrf: context.session?.csrfToken ?? ""), for: context)
        }
        router.get(.successionCSV) { _, context in
            let pipeline = try await Succession(store: store, principal: try context.signedIn()).pipeline()
            return Response.csv(CSVText.write(header: SuccessionPipeline.csvHeader, rows: pipeline.csvRows), named: "succession-pipeline.csv")
        }
        router.post(.succession) { request, context in
            try context.signedIn().requireManagement("flagging high potentials")
            let form = try await FormBody.fields(request)
            guard let person = Person.ID(form["person"] ?? "") else { throw ValidationError([FieldIssue(field: "person", message: "choose whom to flag")]) }
            _ = try await Succession(store: store, principal: try context.signedIn()).flag(person, now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.succession.path])
        }
        router.post(.removeHighPotential(.key)) { _, context in
            try context.signedIn().requireManagement("removing high-potential flags")
            try await Succession(store: store, principal: try context.signedIn()).unflag(try context.parameters.id(of: "person"), now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.succession.path])
        }
    }
}
