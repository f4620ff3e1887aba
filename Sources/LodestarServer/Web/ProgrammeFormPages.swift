import Foundation
import Hummingbird
import LodestarCore

/// Programmes made and changed in the browser: a new programme (blank, or started from another
/// as a template), a programme's settings, and opening its next cycle — `ProgrammeOffice`
/// behind each, as behind the API.
struct ProgrammeFormPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.newProgramme) { request, context in
            try context.signedIn().requireAdmin("creating programmes")
            var form = ProgrammeForm(nil)
            if let template = FormQuery(request).get("from") {
                let programme = try await store.programme(try Identifier(path: template, of: "programme"), managedBy: try context.signedIn(), "starting a programme from another")
                form = ProgrammeForm(programme, name: "\(programme.name) (copy)")
            }
            return try await formPage(nil, form, context, error: nil)
        }
        router.post(.newProgramme) { request, context in
            // Refused before the form is read, so its problems are told only to those who may create.
            try context.signedIn().requireAdmin("creating programmes")
            let form = try await Self.sent(request)
            do {
                let programme = try await context.programmeOffice(store).create(try form.record())
                return Response(status: .seeOther, headers: [.location: SiteURL.programme(.value(programme.id)).path])
            } catch let error as ValidationError {
                return try await formPage(nil, form, context, error: error).response(from: request, context: context)
            }
        }
        router.get(.editProgramme(.key)) { _, context in
            let programme = try await store.programme(try context.parameters.id(of: "programme"), managedBy: try context.signedIn(), "changing a programme")
            return try await formPage(programme, ProgrammeForm(programme), context, error: nil)
        }
        router.post(.editProgramme(.key)) { request, context in
            let programme = try await store.programme(try context.parameters.id(of: "programme"), managedBy: try context.signedIn(), "changing a programme")
            let form = try await Self.sent(request)
            do {
                _ = try await context.programmeOffice(store).update(programme.id, with: try form.record())
                return Response(status: .seeOther, headers: [.location: SiteURL.programme(.value(programme.id)).path])
            } catch let error as ValidationError {
                return try await formPage(programme, form, context, error: error).response(from: request, context: context)
            }
        }
        router.post(.programmeCycles(.key)) { request, context in
            let name = try await FormBody.fields(request)["name"]
            let cycle = try await context.programmeOffice(store).startCycle(of: try context.parameters.id(of: "programme"), name: name)
            return Response(status: .seeOther, headers: [.location: SiteURL.cycle(.value(cycle.id)).path])
        }
    }

    /// The form as sent: its fields, and every ticked competency.
    static func sent(_ request: Request) async throws -> ProgrammeForm {
        let pairs = try await FormBody.pairs(request)
        return ProgrammeForm(sent: Dictionary(pairs, uniquingKeysWith: { _, last in last }), checkboxes: pairs.filter { $0.0 == "competency" }.map(\.1))
    }

    private func formPage(_ programme: Programme?, _ form: ProgrammeForm, _ context: LodestarContext, error: ValidationError?) async throws -> HTML {
        pages.render(.programmeForm, ProgrammeFormView(editing: programme, form: form, catalogue: try await store.competencies(),
                                                       csrf: context.session?.csrfToken ?? "", error: error),
                     for: context, status: error == nil ? .ok : .unprocessableContent)
    }
}
