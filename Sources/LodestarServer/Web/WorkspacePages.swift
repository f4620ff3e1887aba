import Foundation
import Hummingbird
import LodestarCore

/// The relationship workspace pages: agreement, meetings held, notes — for the mentor and mentee only.
struct WorkspacePages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get("/relationships/:id") { _, context in
            try await page(context, problems: [:])
        }
        router.post("/relationships/:id/agreement") { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.editAgreement(id, terms: try Agreement.Terms.parse { form[$0] ?? "" }, now: Date())
            }
        }
        router.post("/relationships/:id/agreement/sign") { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.signAgreement(id, version: Int(form["version"] ?? "") ?? 0, now: Date())
            }
        }
        router.post("/relationships/:id/notes") { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.addNote(id, text: form["text"] ?? "", shared: form["shared"] == "1", now: Date())
            }
        }
        router.post("/relationships/:id/goals") { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                let competency = (form["competency"] ?? "").isEmpty ? nil : form["competency"]
                _ = try await workspace.addGoal(id, title: form["title"] ?? "", measure: form["measure"] ?? "", competency: competency,
                                                due: try Self.day(form["due"] ?? "", field: "due"), now: Date())
            }
        }
        router.post("/relationships/:id/goals/:goal") { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                let goalID: Goal.ID = try context.parameters.id("goal", of: "goal")
                let text = (form["action"] ?? "").trimmingCharacters(in: .whitespaces)
                let action = text.isEmpty ? nil : (text: text, owner: form["owner"] == "partner" ? RelationshipWorkspace.ActionOwner.partner : .me,
                                                   due: try Self.day(form["actionDue"] ?? "", field: "actionDue"))
                guard let progress = Int(form["progress"] ?? "") else {
                    throw ValidationError([FieldIssue(field: "progress", message: "'\(form["progress"] ?? "")' is not a whole percentage")])
                }
                _ = try await workspace.updateGoal(id, goal: goalID, progress: progress, newAction: action, now: Date())
            }
        }
        router.post("/relationships/:id/meetings") { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                let day = try Self.day(form["heldOn"] ?? "", field: "heldOn")
                let mode = MeetingMode(rawValue: form["mode"] ?? "") ?? .virtual
                _ = try await workspace.logMeeting(id, heldOn: day, minutes: Int(form["minutes"] ?? "") ?? 0, mode: mode, now: Date())
            }
        }
    }

    /// Runs a change; on success back to the page, on invalid values the page with each field's message.
    private func attempt(_ request: Request, _ context: LodestarContext, _ form: [String: String],
                         _ change: (RelationshipWorkspace, Relationship.ID) async throws -> Void) async throws -> Response {
        let id: Relationship.ID = try context.parameters.id(of: "relationship")
        let workspace = RelationshipWorkspace(store: store, principal: try context.signedIn())
        try await workspace.requireParticipant(id)
        do {
            try await change(workspace, id)
            return Response(status: .seeOther, headers: [.location: "/relationships/\(id)"])
        } catch let error as ValidationError {
            return try await page(context, problems: error.messagesByField, form: form, status: .unprocessableContent).response(from: request, context: context)
        }
    }

    private func page(_ context: LodestarContext, problems: [String: String], form: [String: String] = [:],
                      status: HTTPResponse.Status = .ok) async throws -> HTML {
        let id: Relationship.ID = try context.parameters.id(of: "relationship")
        let contents = try await RelationshipWorkspace(store: store, principal: try context.signedIn()).open(id)
        let competencies = try await store.competencies()
        return pages.render("relationship", WorkspaceView(contents, competencies: competencies, problems: problems, form: form,
                                                          csrf: context.session?.csrfToken ?? ""),
                            for: context, status: status)
    }

    /// A date from a form's `yyyy-MM-dd`, at noon UTC.
    static func day(_ text: String, field: String) throws -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)) else {
            throw ValidationError([FieldIssue(field: field, message: "'\(text)' is not a date; write it as 2027-03-15")])
        }
        return date
    }
}
