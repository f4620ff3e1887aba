import Foundation
import Hummingbird
import LodestarCore

/// Applications in the browser: a cycle's managers invite people (chosen in the directory, or
/// from a CSV file) and decide on what they receive; each person applies through a form that is
/// their mentoring profile, and may withdraw — the same use case as the API.
struct ApplicationPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let accounts: AccountLinks

    func register(on router: Router<LodestarContext>) {
        router.get(.cycle(.key, .applications)) { request, context in
            try await board(request, context)
        }
        router.post(.cycle(.key, .invitations)) { request, context in
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            var request = request
            let form = try await FormBody.pairs(of: &request)
            do {
                let role = try EnrolmentRole.parse(form.last { $0.0 == "role" }?.1 ?? "", field: "role")
                let people = form.filter { $0.0 == "person" }.compactMap { Person.ID($0.1) }
                let summary = try await applications(context).invite(people: people, as: role, to: cycleID, now: context.now)
                return Self.invited(summary, cycleID)
            } catch let error as ValidationError {
                return try await board(request, context, problem: error.summary).response(from: request, context: context)
            }
        }
        router.post(.cycle(.key, .invitationFile)) { request, context in
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            try context.signedIn().requireManager(of: try await store.cycleAndProgramme(cycleID).programme, "inviting people to apply")
            let form = try await UploadForm.read(request)
            guard let file = form.files["file"] else { throw ValidationError([FieldIssue(field: "file", message: "choose a CSV file to upload")]) }
            do {
                let summary = try await applications(context).invite(file: try CSVText.decode(file.data), to: cycleID, now: context.now)
                return Self.invited(summary, cycleID)
            } catch let error as CSVImportError {
                return try await board(request, context, refused: (file.fileName, error)).response(from: request, context: context)
            } catch let error as ValidationError {
                return try await board(request, context, problem: error.summary).response(from: request, context: context)
            }
        }
        router.get(.application(.key)) { _, context in
            try await application(try context.parameters.id(of: "application"), context)
        }
        router.post(.application(.key)) { request, context in
            let id: ProgrammeApplication.ID = try context.parameters.id(of: "application")
            let page = try await applications(context).page(id)
            let form = try await FormBody.fields(request)
            let values = Dictionary(uniqueKeysWithValues: (ProfileFields.names + ["motivation"]).map { ($0, form[$0] ?? "") })
            do {
                let (profile, issues) = ProfileFields.parse({ values[$0] ?? "" }, role: page.application.role,
                                                            competencies: try await context.programmeOffice(store).competencySlugs())
                guard let profile, issues.isEmpty else { throw ValidationError(issues) }
                _ = try await applications(context).apply(id, profile: profile, motivation: values["motivation"] ?? "", now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.application(.value(id)).path])
            } catch let error as ValidationError {
                return try await application(id, context, entered: values, issues: error.issues).response(from: request, context: context)
            }
        }
        router.post(.application(.key, .withdraw)) { request, context in
            let id: ProgrammeApplication.ID = try context.parameters.id(of: "application")
            do {
                _ = try await applications(context).withdraw(id, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.application(.value(id)).path])
            } catch let error as ValidationError {
                return try await application(id, context, issues: error.issues).response(from: request, context: context)
            }
        }
        router.post(.application(.key, .decision)) { request, context in
            let id: ProgrammeApplication.ID = try context.parameters.id(of: "application")
            let form = try await FormBody.fields(request)
            do {
                let decided = try await applications(context).decide(id, try ApplicationState.parse(form["decision"] ?? "", field: "decision"), now: context.now)
                let back = form["back"] == "application" ? SiteURL.application(.value(id)).path : SiteURL.cycle(.value(decided.cycleID), .applications).path
                return Response(status: .seeOther, headers: [.location: back])
            } catch let error as ValidationError {
                return try await application(id, context, issues: error.issues).response(from: request, context: context)
            }
        }
    }

    private func applications(_ context: LodestarContext) throws -> Applications {
        Applications(store: store, principal: try context.signedIn(), accounts: accounts)
    }

    /// A cycle's applications with the forms that invite, filtered by the query.
    private func board(_ request: Request, _ context: LodestarContext, problem: String? = nil, refused: (String, CSVImportError)? = nil) async throws -> HTML {
        let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
        let query = request.uri.queryParameters
        let state = try query.get("state").flatMap { $0.isEmpty ? nil : $0 }.map { try ApplicationState.parse($0, field: "state") }
        let board = try await applications(context).board(of: cycleID, state: state, page: try request.pageRequest())
        let search = query.get("q") ?? ""
        let found = try await applications(context).candidates(named: search, for: cycleID)
        let view = ApplicationsView(board, state: state, search: search, found: found, invited: (query.get("invited"), query.get("already")),
                                    problem: problem, refused: refused, csrf: context.session?.csrfToken ?? "")
        return pages.render(.applications, view, for: context, status: problem == nil && refused == nil ? .ok : .unprocessableContent)
    }

    /// An application: the form for its applicant, the record for the managers.
    private func application(_ id: ProgrammeApplication.ID, _ context: LodestarContext, entered: [String: String]? = nil, issues: [FieldIssue] = []) async throws -> HTML {
        let principal = try context.signedIn()
        let page = try await applications(context).page(id)
        var values = entered ?? [:]
        if entered == nil {
            let earlier = try await store.enrolments(of: page.person.id).last { $0.role == page.application.role }?.profile
            values = (page.application.profile ?? earlier).map(ProfileFields.text(of:)) ?? [:]
            values["motivation"] = page.application.motivation
        }
        let view = ApplicationView(page, mine: principal.isPerson(page.person.id), values: values, issues: issues, now: context.now,
                                   csrf: context.session?.csrfToken ?? "")
        return pages.render(.application, view, for: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    private static func invited(_ summary: InvitationSummary, _ cycleID: Cycle.ID) -> Response {
        let query = [URLQueryItem(name: "invited", value: String(summary.invited.count)), URLQueryItem(name: "already", value: String(summary.alreadyInvited.count))]
        return Response(status: .seeOther, headers: [.location: SiteURL.cycle(.value(cycleID), .applications).with(query)])
    }
}
