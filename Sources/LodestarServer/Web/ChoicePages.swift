import Foundation
import Hummingbird
import LodestarCore

/// Mentee-choice mode: the mentee's shortlist and ranked requests; the mentor's inbox of requests.
struct ChoicePages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.cycle(.key, .choose)) { _, context in
            try await choosePage(context, problems: [], form: [:])
        }
        router.post(.cycle(.key, .choose)) { request, context in
            let choice = MenteeChoice(store: store, principal: try context.signedIn())
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            let form = try await FormBody.fields(request)
            // The choices in rank order; empty selects are skipped, anything else must be a mentor.
            let ranked = form.keys.compactMap { key in key.hasPrefix("choice-") ? Int(key.dropFirst(7)) : nil }.sorted()
                .compactMap { form["choice-\($0)"] }.filter { !$0.isEmpty }
            do {
                let mentors = try ranked.enumerated().map { rank, text in
                    guard let id = Enrolment.ID(text) else { throw ValidationError([FieldIssue(field: "mentors.\(rank + 1)", message: "'\(text)' is not a mentor of the list")]) }
                    return id
                }
                _ = try await choice.request(cycleID, mentors: mentors, now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.cycle(.value(cycleID), .choose).path])
            } catch let error as ValidationError {
                return try await choosePage(context, problems: error.issues.map(\.description), form: form, status: .unprocessableContent)
                    .response(from: request, context: context)
            }
        }
        router.get(.requests) { _, context in
            try await inboxPage(context, problem: nil)
        }
        router.post(.request(.key, .accept)) { request, context in
            try await answer(request, context) { choice, id, _ in _ = try await choice.accept(id, now: context.now) }
        }
        router.post(.request(.key, .decline)) { request, context in
            try await answer(request, context) { choice, id, form in try await choice.decline(id, reason: form["reason"] ?? "", now: context.now) }
        }
    }

    private func answer(_ request: Request, _ context: LodestarContext,
                        _ work: (MenteeChoice, MentorRequest.ID, [String: String]) async throws -> Void) async throws -> Response {
        let choice = MenteeChoice(store: store, principal: try context.signedIn())
        let id: MentorRequest.ID = try context.parameters.id(of: "request")
        let form = try await FormBody.fields(request)
        do {
            try await work(choice, id, form)
            return Response(status: .seeOther, headers: [.location: SiteURL.requests.path])
        } catch let error as ValidationError {
            return try await inboxPage(context, problem: error.summary, status: .unprocessableContent).response(from: request, context: context)
        }
    }

    private func choosePage(_ context: LodestarContext, problems: [String], form: [String: String], status: HTTPResponse.Status = .ok) async throws -> HTML {
        let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
        let choosing = try await MenteeChoice(store: store, principal: try context.signedIn()).choosing(cycleID, now: context.now)
        return pages.render(.choose, ChooseView(choosing, names: choosing.mentorNames, problems: problems, form: form, csrf: context.session?.csrfToken ?? ""),
                            for: context, status: status)
    }

    private func inboxPage(_ context: LodestarContext, problem: String?, status: HTTPResponse.Status = .ok) async throws -> HTML {
        let inbox = try await MenteeChoice(store: store, principal: try context.signedIn()).inbox(now: context.now)
        return pages.render(.requests, RequestsView(inbox, problem: problem, csrf: context.session?.csrfToken ?? ""), for: context, status: status)
    }
}
