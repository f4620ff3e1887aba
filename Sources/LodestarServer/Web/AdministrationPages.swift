import Foundation
import Hummingbird
import LodestarCore

/// Who runs a programme and who may not be paired: appointing and removing programme managers
/// (on the programme's page) and the conflicts-of-interest page — the same use cases as the API.
struct AdministrationPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let reads: ReadCache
    let invitations: AccountLinks

    func register(on router: Router<LodestarContext>) {
        router.get(.programme(.key)) { request, context in
            let id: Programme.ID = try context.parameters.id(of: "programme")
            return try await pages.kept(.programme, request, context, reads: reads) { csrf in try await programmeView(id, context, csrf: csrf) }
        }
        router.post(.managers(.key)) { request, context in
            let id: Programme.ID = try context.parameters.id(of: "programme")
            let email = try await FormBody.fields(request)["email"] ?? ""
            do {
                _ = try await appointments(context).appoint(email: email, toManage: id, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.programme(.value(id)).path + "#managers"])
            } catch let error as ValidationError {
                return try await programmePage(id, context, problem: error.summary, email: email).response(from: request, context: context)
            }
        }
        router.post(.removeManager(.key, .key)) { _, context in
            // Refused before the ids are read, so no one else learns which exist.
            try context.signedIn().requireAdmin("removing programme managers")
            let id: Programme.ID = try context.parameters.id(of: "programme")
            try await appointments(context).remove(try context.parameters.id("account", of: "programme manager"), from: id, now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.programme(.value(id)).path + "#managers"])
        }
        router.post(.archiveProgramme(.key)) { request, context in
            try await archiving(request, context) { try await $0.archive($1, now: context.now) }
        }
        router.post(.restoreProgramme(.key)) { request, context in
            try await archiving(request, context) { try await $0.restore($1, now: context.now) }
        }
        router.get(.conflicts) { request, context in
            try await conflictsPage(context, page: try request.pageRequest())
        }
        router.post(.conflicts) { request, context in
            let form = try await FormBody.fields(request)
            let entered = ConflictsView.Form(personA: form["personA"] ?? "", personB: form["personB"] ?? "", reason: form["reason"] ?? "")
            do {
                _ = try await register(context).declare(between: entered.personA, and: entered.personB, reason: entered.reason, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.conflicts.path])
            } catch let error as ValidationError {
                return try await conflictsPage(context, page: .first, problem: error.summary, form: entered).response(from: request, context: context)
            }
        }
        router.post(.withdrawConflict(.key)) { _, context in
            try await register(context).withdraw(try context.parameters.id(of: "conflict of interest"), now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.conflicts.path])
        }
    }

    /// Archives or restores the programme, then shows its page — with the reason, when refused.
    private func archiving(_ request: Request, _ context: LodestarContext,
                           _ change: (ProgrammeOffice, Programme.ID) async throws -> Programme) async throws -> Response {
        let id: Programme.ID = try context.parameters.id(of: "programme")
        do {
            _ = try await change(try context.programmeOffice(store), id)
            return Response(status: .seeOther, headers: [.location: SiteURL.programme(.value(id)).path])
        } catch let error as ValidationError {
            return try await programmePage(id, context, refusal: error.summary).response(from: request, context: context)
        }
    }

    private func appointments(_ context: LodestarContext) throws -> ManagerAppointments {
        ManagerAppointments(store: store, principal: try context.signedIn(), invitations: invitations)
    }

    private func register(_ context: LodestarContext) throws -> ConflictRegister {
        ConflictRegister(store: store, principal: try context.signedIn())
    }

    private func programmePage(_ id: Programme.ID, _ context: LodestarContext, problem: String? = nil, email: String = "",
                               refusal: String? = nil) async throws -> HTML {
        pages.render(.programme, try await programmeView(id, context, csrf: context.session?.csrfToken ?? "", problem: problem, email: email, refusal: refusal),
                     for: context, status: problem == nil && refusal == nil ? .ok : .unprocessableContent)
    }

    private func programmeView(_ id: Programme.ID, _ context: LodestarContext, csrf: String, problem: String? = nil, email: String = "",
                               refusal: String? = nil) async throws -> ProgrammeView {
        let principal = try context.signedIn()
        return ProgrammeView(try await ProgrammePage.read(id, for: principal, store), for: principal, csrf: csrf, problem: problem, email: email, refusal: refusal)
    }

    private func conflictsPage(_ context: LodestarContext, page: PageRequest, problem: String? = nil, form: ConflictsView.Form = .blank) async throws -> HTML {
        let principal = try context.signedIn()
        let register = try register(context)
        let conflicts = try await register.list(page: page)
        let history = principal.isAdmin ? try await register.history().items : nil
        return pages.render(.conflicts, ConflictsView(conflicts, history: history, for: principal, csrf: context.session?.csrfToken ?? "",
                                                      problem: problem, form: form),
                            for: context, status: problem == nil ? .ok : .unprocessableContent)
    }
}
