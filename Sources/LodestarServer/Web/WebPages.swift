import Foundation
import Hummingbird
import LodestarCore

/// The server-rendered pages: a home page per role, a programme, a cycle, the people directory, a person.
struct WebPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let reads: ReadCache

    func register(on router: Router<LodestarContext>) throws {
        guard let cssURL = Bundle.module.url(forResource: "Assets/style", withExtension: "css") else {
            throw HTTPError(.internalServerError, message: "style.css is missing from the build")
        }
        let css = try String(contentsOf: cssURL, encoding: .utf8)
        router.get(.styleSheet) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: css)))
        }
        router.get(.home) { request, context in
            let principal = try context.signedIn()
            if principal.home == .participant {
                return try await pages.kept(.home, request, context, reads: reads) { csrf in try await participantHome(principal, now: context.now, csrf: csrf) }
            }
            return try await pages.kept(.programmes, request, context, reads: reads) { _ in ProgrammesView(try await ProgrammeOverview.read(for: principal, store), for: principal) }
        }
        router.get(.cycle(.key)) { request, context in
            try await pages.kept(.cycle, request, context, reads: reads) { csrf in
                CycleView(try await CyclePage.read(try context.parameters.id(of: "cycle"), enrolled: try request.pageRequest(),
                                                   relationships: try request.pageRequest(prefix: "relationships-"), for: try context.signedIn(), now: context.now, store),
                          csrf: csrf)
            }
        }
        router.get(.people) { request, context in
            let query = PeopleQuery(name: FormQuery(request).get("name"), department: FormQuery(request).get("department"))
            let page = try await PeopleDirectory(store: store, principal: try context.signedIn()).search(query, page: try request.pageRequest())
            return pages.render(.people, PeopleView(page, query, csrf: context.session?.csrfToken ?? ""), for: context)
        }
        router.get(.person(.key)) { _, context in
            let principal = try context.signedIn()
            let page = try await PeopleDirectory(store: store, principal: principal).page(of: try context.parameters.id(of: "person"))
            return pages.render(.person, PersonView(page, recognition: try await Recognition(store: store, principal: principal).of(page.person.id)), for: context)
        }
    }

    /// A mentor's or mentee's home: their applications are read once, for the page and its
    /// training; the surveys they are asked to answer.
    private func participantHome(_ principal: Principal, now: Date, csrf: String) async throws -> HomeView {
        let home = try await ParticipantHome.read(for: principal, store)
        var recognition: RecognitionRecord?
        if let me = principal.person { recognition = try await Recognition(store: store, principal: principal).of(me.id) }
        return HomeView(home, training: try await Training(store: store, principal: principal).mine(applications: home.applications),
                        surveys: try await Surveys(store: store, principal: principal).mine(now: now), recognition: recognition,
                        certificates: try await Certificates(store: store, principal: principal).mine(),
                        kudos: try await KudosBoard(store: store, principal: principal).received(), for: principal, csrf: csrf)
    }
}
