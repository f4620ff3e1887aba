import Foundation
import Hummingbird
import LodestarCore

/// The relationship workspace pages: agreement, meetings held, notes — for the mentor and mentee only.
struct WorkspacePages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let reads: ReadCache
    let publicURL: String

    func register(on router: Router<LodestarContext>) {
        router.get(.relationship(.key)) { request, context in
            // A suggested time's link fills the form to arrange it; a development goal's, the form to set a goal.
            let query = FormQuery(request)
            let prefill = ["date", "time", "goalFrom"].reduce(into: [String: String]()) { form, key in query.get(key).map { form[key] = $0 } }
            return try await pages.kept(.relationship, request, context, reads: reads) { csrf in try await workspaceView(context, problems: [:], form: prefill, csrf: csrf) }
        }
        router.post(.relationship(.key, .schedule)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                // "1" arranges one meeting; more, a series at the programme's cadence.
                guard let count = WholeNumber.parse(form["count"] ?? "1"), count >= 1 else {
                    throw ValidationError([FieldIssue(field: "count", message: "'\(form["count"] ?? "")' is not a number of meetings")])
                }
                if count == 1 { _ = try await workspace.scheduleMeeting(id, try Self.meetingPlan(form), now: context.now) }
                else { _ = try await workspace.scheduleSeries(id, try Self.meetingPlan(form), count: count, now: context.now) }
            }
        }
        router.post(.meeting(.key, .key)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.rescheduleMeeting(id, meeting: try context.parameters.id("meeting", of: "meeting"), try Self.meetingPlan(form), now: context.now)
            }
        }
        router.post(.meeting(.key, .key, .cancel)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.cancelMeeting(id, meeting: try context.parameters.id("meeting", of: "meeting"), now: context.now)
            }
        }
        router.post(.meeting(.key, .key, .held)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.confirmHeld(id, meeting: try context.parameters.id("meeting", of: "meeting"), now: context.now)
            }
        }
        router.get(.meetingSeries(.key, .key)) { _, context in
            let id: Relationship.ID = try context.parameters.id(of: "relationship")
            let workspace = try workspace(context)
            try await workspace.requireParticipant(id)
            guard let series = UUID(uuidString: context.parameters.get("series") ?? "") else { throw NotFound("meeting series", context.parameters.get("series") ?? "") }
            return CalendarPages.calendarResponse(try await workspace.seriesInvitation(id, series: series), filename: "mentoring-meetings.ics")
        }
        router.get(.meeting(.key, .key, .invitation)) { _, context in
            let id: Relationship.ID = try context.parameters.id(of: "relationship")
            let workspace = try workspace(context)
            try await workspace.requireParticipant(id)
            let text = try await workspace.invitation(id, meeting: try context.parameters.id("meeting", of: "meeting"))
            return CalendarPages.calendarResponse(text, filename: "mentoring-meeting.ics")
        }
        router.post(.relationship(.key, .end)) { request, context in
            // Those in it or the programme's manager; the use case asks which.
            let form = try await FormBody.fields(request)
            let id: Relationship.ID = try context.parameters.id(of: "relationship")
            let workspace = try workspace(context)
            do {
                let relationship = try await workspace.end(id, reason: form["reason"] ?? "", now: context.now)
                let principal = try context.signedIn()
                // A manager goes on to pair again — the mentee of a pair already chosen.
                let mentee = relationship.currentMembers.count == 1 ? relationship.currentMembers[0].enrolment.description : nil
                let back = principal.person.map { relationship.includes($0.id) } ?? false
                    ? SiteURL.relationship(.value(id)).path
                    : SiteURL.cycle(.value(relationship.cycleID), .pairs).with(mentee.map { [URLQueryItem(name: "mentee", value: $0)] } ?? [])
                return Response(status: .seeOther, headers: [.location: back])
            } catch let error as ValidationError {
                // The pair sees the message beside the form; a manager on the error page.
                guard (try? await workspace.requireParticipant(id)) != nil else { throw error }
                return try await page(context, problems: error.messagesByField, form: form, status: .unprocessableContent).response(from: request, context: context)
            }
        }
        router.post(.relationship(.key, .agreement)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.editAgreement(id, terms: try Agreement.Terms.parse { form[$0] ?? "" }, expecting: form["read"].flatMap { Int($0) },
                                                      now: context.now)
            }
        }
        router.post(.relationship(.key, .signAgreement)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.signAgreement(id, version: Int(form["version"] ?? "") ?? 0, now: context.now)
            }
        }
        router.post(.relationship(.key, .notes)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.addNote(id, text: form["text"] ?? "", shared: form["shared"] == "1", now: context.now)
            }
        }
        router.post(.relationship(.key, .goals)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.addGoal(id, title: form["title"] ?? "", measure: form["measure"] ?? "", competency: Self.competency(form),
                                                due: try FormClock.day(form["due"] ?? "", field: "due"), now: context.now)
            }
        }
        router.post(.goal(.key, .key)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                let goalID: Goal.ID = try context.parameters.id("goal", of: "goal")
                let text = (form["action"] ?? "").trimmingCharacters(in: .whitespaces)
                // "me", or the id of another person in the relationship (the use case checks they are).
                let owner = form["owner"].flatMap { $0 == "me" ? nil : Person.ID($0) }
                if let named = form["owner"], named != "me", owner == nil {
                    throw ValidationError([FieldIssue(field: "owner", message: "'\(named)' is not one of the people in this relationship; choose one of them")])
                }
                let action = text.isEmpty ? nil : (text: text, owner: owner, due: try FormClock.day(form["actionDue"] ?? "", field: "actionDue"))
                guard let progress = Int(form["progress"] ?? "") else {
                    throw ValidationError([FieldIssue(field: "progress", message: "'\(form["progress"] ?? "")' is not a whole percentage")])
                }
                let title = (form["milestone"] ?? "").trimmingCharacters(in: .whitespaces)
                let milestone = title.isEmpty ? nil : (title: title, due: try FormClock.day(form["milestoneDue"] ?? "", field: "milestoneDue"))
                // The checklist's boxes say which actions are done and which milestones reached.
                func ticked(_ prefix: String) -> Set<Int>? {
                    form["checklist"] == nil ? nil : Set(form.keys.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil })
                }
                _ = try await workspace.updateGoal(id, goal: goalID, progress: progress, newAction: action, newMilestone: milestone,
                                                   doneActions: ticked("done-"), reachedMilestones: ticked("reached-"),
                                                   expecting: form["read"].flatMap { Int($0) }, now: context.now)
            }
        }
        router.post(.goal(.key, .key, .revise)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.reviseGoal(id, goal: try context.parameters.id("goal", of: "goal"), title: form["title"] ?? "", measure: form["measure"] ?? "",
                                                   competency: Self.competency(form), due: try FormClock.day(form["due"] ?? "", field: "due"),
                                                   expecting: form["read"].flatMap { Int($0) }, now: context.now)
            }
        }
        router.post(.goal(.key, .key, .state)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                _ = try await workspace.setGoalState(id, goal: try context.parameters.id("goal", of: "goal"), to: try GoalState.parse(form["state"] ?? "", field: "state"),
                                                     note: form["note"] ?? "", expecting: form["read"].flatMap { Int($0) }, now: context.now)
            }
        }
        router.post(.relationship(.key, .kudos)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { _, id in
                guard let to = Person.ID(form["to"] ?? "") else {
                    throw ValidationError([FieldIssue(field: "to", message: "choose one of the people in this relationship")])
                }
                _ = try await KudosBoard(store: store, principal: try context.signedIn(), publicURL: publicURL)
                    .send(to: to, within: id, message: form["message"] ?? "", now: context.now)
            }
        }
        router.post(.relationship(.key, .story)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form, problemsUnder: "story-") { _, id in
                _ = try await stories(context).write(id, title: form["storyTitle"] ?? "", text: form["storyText"] ?? "",
                                                     expecting: form["read"].flatMap { Int($0) }, now: context.now)
            }
        }
        router.post(.relationship(.key, .approveStory)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form, problemsUnder: "story-") { _, id in
                _ = try await stories(context).approve(id, version: Int(form["version"] ?? "") ?? 0, now: context.now)
            }
        }
        router.post(.pulse(.key, .key)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                let meeting: HeldMeeting.ID = try context.parameters.id("meeting", of: "held meeting")
                guard let rating = WholeNumber.parse(form["rating"] ?? "") else {
                    throw ValidationError([FieldIssue(field: "rating", message: "choose a rating from 1 (poor) to 5 (excellent)")])
                }
                let fit = try form["fit"].flatMap { $0.isEmpty ? nil : $0 }.map { try FitAnswer.parse($0, field: "fit") }
                _ = try await workspace.givePulse(id, meeting: meeting, rating: rating, comment: form["comment"] ?? "", shareComment: form["share"] != nil,
                                                  fit: fit, now: context.now)
            }
        }
        router.post(.relationship(.key, .meetings)) { request, context in
            let form = try await FormBody.fields(request)
            return try await attempt(request, context, form) { workspace, id in
                let day = try FormClock.day(form["heldOn"] ?? "", field: "heldOn")
                let mode = MeetingMode(rawValue: form["mode"] ?? "") ?? .virtual
                _ = try await workspace.logMeeting(id, heldOn: day, minutes: Int(form["minutes"] ?? "") ?? 0, mode: mode, now: context.now)
            }
        }
    }

    /// Runs a change; on success back to the page, on invalid values the page with each field's
    /// message (under `prefix` + the field, for a form whose fields share names with another's).
    private func attempt(_ request: Request, _ context: LodestarContext, _ form: [String: String], problemsUnder prefix: String = "",
                         _ change: (RelationshipWorkspace, Relationship.ID) async throws -> Void) async throws -> Response {
        let id: Relationship.ID = try context.parameters.id(of: "relationship")
        let workspace = try workspace(context)
        try await workspace.requireParticipant(id)
        do {
            try await change(workspace, id)
            return Response(status: .seeOther, headers: [.location: SiteURL.relationship(.value(id)).path])
        } catch let error as ValidationError {
            let problems = Dictionary(error.messagesByField.map { (prefix + $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            return try await page(context, problems: problems, form: form, status: .unprocessableContent).response(from: request, context: context)
        } catch let error as ChangedSinceRead {
            // Shown with what was typed kept, next to the newer version, to send again knowingly.
            return try await page(context, problems: [prefix + error.what: error.description], form: form, status: .conflict).response(from: request, context: context)
        }
    }

    private func page(_ context: LodestarContext, problems: [String: String], form: [String: String] = [:],
                      status: HTTPResponse.Status = .ok) async throws -> HTML {
        pages.render(.relationship, try await workspaceView(context, problems: problems, form: form, csrf: context.session?.csrfToken ?? ""),
                     for: context, status: status)
    }

    private func workspaceView(_ context: LodestarContext, problems: [String: String], form: [String: String], csrf: String) async throws -> WorkspaceView {
        let id: Relationship.ID = try context.parameters.id(of: "relationship")
        let workspace = try workspace(context)
        let contents = try await workspace.open(id)
        let zone = TimeZone(identifier: try context.signedIn().person?.timeZone ?? "") ?? .gmt
        let suggestions = contents.relationship.endedAt == nil && contents.completedIn == nil ? try await workspace.suggestedTimes(id, now: context.now) : []
        return WorkspaceView(contents, suggestions: suggestions, zone: zone, now: context.now, problems: problems, form: form, csrf: csrf)
    }

    private func stories(_ context: LodestarContext) throws -> SuccessStories {
        SuccessStories(store: store, principal: try context.signedIn(), publicURL: publicURL)
    }

    private func workspace(_ context: LodestarContext) throws -> RelationshipWorkspace {
        RelationshipWorkspace(store: store, principal: try context.signedIn(), publicURL: publicURL)
    }

    /// A goal form's competency: none when left empty.
    static func competency(_ form: [String: String]) -> String? { form["competency"].flatMap { $0.isEmpty ? nil : $0 } }

    /// A meeting from the arrange or move form: date and time read in the given zone.
    static func meetingPlan(_ form: [String: String]) throws -> RelationshipWorkspace.MeetingPlan {
        let (start, zone) = try FormClock.moment(form)
        guard let minutes = Int(form["minutes"] ?? "") else {
            throw ValidationError([FieldIssue(field: "minutes", message: "'\(form["minutes"] ?? "")' is not a number of minutes")])
        }
        return .init(startsAt: start, minutes: minutes, mode: MeetingMode(rawValue: form["mode"] ?? "") ?? .either,
                     place: form["place"] ?? "", timeZone: zone.identifier)
    }
}
