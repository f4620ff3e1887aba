import Hummingbird
import LodestarCore
import LodestarStore
import Logging

/// The composition root shared by `lodestar serve` and the tests: opens and migrates the
/// database, seeds the demo when asked, and wires the API and the pages.
public func buildApplication(config: AppConfig, logger: Logger = Logger(label: "lodestar")) async throws -> some ApplicationProtocol {
    let connection = try StoreConnection(location: config.database, logger: logger)
    do {
        try await connection.migrate()
        if config.seedDemo, let demo = try await DemoSeeder(store: connection.store).seedIfEmpty(seed: config.demoSeed) {
            logger.info("Seeded the demo organisation: \(demo.people.count) people, programme '\(demo.programme.name)'")
        }
    } catch {
        await connection.shutdown()
        throw error
    }
    let router = try await buildRouter(store: connection.store)
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Lodestar"),
        services: [DatabaseService(connection: connection)],
        logger: logger
    )
}

/// Routes of the JSON API, the health check and the web pages.
func buildRouter(store: FluentStore) async throws -> Router<BasicRequestContext> {
    let router = Router()
    let pages = try await PageRenderer.load()
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.get("/health") { _, _ in try await HealthBody.check(store) }
    let api = router.group("api/v1")
    PeopleController(store: store).register(on: api.group("people"))
    ProgrammeController(store: store).register(on: api)
    EnrolmentController(store: store).register(on: api)
    CompetencyController(store: store).register(on: api.group("competencies"))
    ConflictController(store: store).register(on: api.group("conflicts"))
    try WebPages(store: store, pages: pages).register(on: router)
    return router
}
