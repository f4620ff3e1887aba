import Foundation
import Hummingbird
import LodestarCore

/// Kudos shown on a programme's page or taken off by their recipient; success stories featured
/// or taken off by the programme's managers.
struct RecognitionPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let publicURL: String

    func register(on router: Router<LodestarContext>) {
        router.get(.kudos) { request, context in
            let query = FormQuery(request)
            return try await sendKudos(context, programme: query.get("programme"), name: query.get("q") ?? "", form: [:], problems: [:],
                                       sent: query.get("sent") == "1" ? "Sent: they are told in their inbox and read it on their home page." : nil)
        }
        router.post(.kudos) { request, context in
            let form = try await FormBody.fields(request)
            let board = KudosBoard(store: store, principal: try context.signedIn(), publicURL: publicURL)
            guard let programme = Programme.ID(form["programme"] ?? "") else { throw ValidationError([FieldIssue(field: "programme", message: "choose one of your programmes")]) }
            do {
                guard let to = Person.ID(form["to"] ?? "") else { throw ValidationError([FieldIssue(field: "to", message: "choose whom to thank")]) }
                _ = try await board.send(to: to, in: programme, message: form["message"] ?? "", now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.kudos.with([URLQueryItem(name: "programme", value: programme.description),
                                                                                          URLQueryItem(name: "sent", value: "1")])])
            } catch let error as ValidationError {
                return try await sendKudos(context, programme: programme.description, name: form["q"] ?? "", form: form, problems: error.messagesByField, sent: nil,
                                           status: .unprocessableContent).response(from: request, context: context)
            }
        }
        router.post(.showKudos(.key)) { request, context in
            let form = try await FormBody.fields(request)
            _ = try await KudosBoard(store: store, principal: try context.signedIn()).show(try context.parameters.id(of: "kudos"), form["shown"] == "1")
            return Response(status: .seeOther, headers: [.location: SiteURL.home.path + "#kudos"])
        }
        router.post(.featureStory(.key)) { request, context in
            let form = try await FormBody.fields(request)
            let story = try await SuccessStories(store: store, principal: try context.signedIn())
                .feature(try context.parameters.id(of: "success story"), form["featured"] == "1", now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.programme(.value(story.programmeID)).path + "#stories"])
        }
    }

    /// The page to send kudos from: one's programmes (the chosen one, else the first), its
    /// participants named like `name` (a refused form searches again as it was sent, its choice kept).
    private func sendKudos(_ context: LodestarContext, programme: String?, name: String, form: [String: String], problems: [String: String],
                           sent: String?, status: HTTPResponse.Status = .ok) async throws -> HTML {
        let board = KudosBoard(store: store, principal: try context.signedIn(), publicURL: publicURL)
        let programmes = try await board.myProgrammes()
        let chosen = programmes.first { $0.id.description == programme } ?? programmes.first
        var found: (people: [Person], more: Bool) = ([], false)
        if let chosen { found = try await board.recipients(in: chosen.id, named: name) }
        return pages.render(.kudos, SendKudosView(programmes: programmes, chosen: chosen, query: name, found: found, form: form, problems: problems,
                                                  sent: sent, csrf: context.session?.csrfToken ?? ""), for: context, status: status)
    }
}
