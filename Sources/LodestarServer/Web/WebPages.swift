import Foundation
import Hummingbird
import LodestarCore

/// The server-rendered pages: programmes, a programme, a cycle, the people directory, a person.
struct WebPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<BasicRequestContext>) throws {
        guard let cssURL = Bundle.module.url(forResource: "Assets/style", withExtension: "css") else {
            throw HTTPError(.internalServerError, message: "style.css is missing from the build")
        }
        let css = try String(contentsOf: cssURL, encoding: .utf8)
        router.get("/assets/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: css)))
        }
        router.get("/") { _, _ in pages.render("programmes", try await ProgrammesView.load(store)) }
        router.get("/programmes/:id") { _, context in
            let id: Programme.ID = try context.parameters.id(of: "programme")
            guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
            return pages.render("programme", try await ProgrammeView.load(programme, store))
        }
        router.get("/cycles/:id") { request, context in
            let id: Cycle.ID = try context.parameters.id(of: "cycle")
            guard let cycle = try await store.cycle(id) else { throw NotFound("cycle", id) }
            return pages.render("cycle", try await CycleView.load(cycle, page: try request.pageRequest(), store))
        }
        router.get("/people") { request, _ in
            let query = PeopleQuery(name: request.uri.queryParameters.get("name"), department: request.uri.queryParameters.get("department"))
            return pages.render("people", try await PeopleView.load(query, page: try request.pageRequest(), store))
        }
        router.get("/people/:id") { _, context in
            let id: Person.ID = try context.parameters.id(of: "person")
            guard let person = try await store.person(id) else { throw NotFound("person", id) }
            return pages.render("person", try await PersonView.load(person, store))
        }
    }
}
