import Foundation
import Hummingbird
import LodestarCore

/// The server-rendered pages: a home page per role, a programme, a cycle, the people directory, a person.
struct WebPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) throws {
        guard let cssURL = Bundle.module.url(forResource: "Assets/style", withExtension: "css") else {
            throw HTTPError(.internalServerError, message: "style.css is missing from the build")
        }
        let css = try String(contentsOf: cssURL, encoding: .utf8)
        router.get(.styleSheet) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: css)))
        }
        router.get(.home) { _, context in
            let principal = try context.signedIn()
            if principal.home == .participant { return pages.render(.home, try await HomeView.load(for: principal, store), for: context) }
            return pages.render(.programmes, try await ProgrammesView.load(for: principal, store), for: context)
        }
        router.get(.programme(.key)) { _, context in
            let principal = try context.signedIn()
            let id: Programme.ID = try context.parameters.id(of: "programme")
            guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
            try principal.requireSight(of: programme)
            return pages.render(.programme, try await ProgrammeView.load(programme, for: principal, store), for: context)
        }
        router.get(.cycle(.key)) { request, context in
            let principal = try context.signedIn()
            let id: Cycle.ID = try context.parameters.id(of: "cycle")
            guard let cycle = try await store.cycle(id) else { throw NotFound("cycle", id) }
            guard let programme = try await store.programme(cycle.programmeID) else { throw NotFound("programme", cycle.programmeID) }
            try principal.requireManager(of: programme, "seeing who takes part in a cycle")
            return pages.render(.cycle, try await CycleView.load(cycle, page: try request.pageRequest(), relationshipsPage: try request.pageRequest(prefix: "relationships-"), for: principal, csrf: context.session?.csrfToken ?? "", now: context.now, store), for: context)
        }
        router.get(.people) { request, context in
            try context.signedIn().requireAdmin("seeing the people directory")
            let query = PeopleQuery(name: FormQuery(request).get("name"), department: FormQuery(request).get("department"))
            return pages.render(.people, try await PeopleView.load(query, page: try request.pageRequest(), store), for: context)
        }
        router.get(.person(.key)) { _, context in
            let principal = try context.signedIn()
            let id: Person.ID = try context.parameters.id(of: "person")
            guard let person = try await store.person(id) else { throw NotFound("person", id) }
            try principal.requireSight(of: person)
            return pages.render(.person, try await PersonView.load(person, for: principal, store), for: context)
        }
    }
}
