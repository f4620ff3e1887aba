import Foundation
import Hummingbird
import LodestarCore
import LodestarStore
import Logging
import ServiceLifecycle

/// The composition root shared by `lodestar serve` and the tests: opens and migrates the
/// database, seeds the demo when asked, and wires the API and the pages.
public func buildApplication(config: AppConfig, logger: Logger = Logger(label: "lodestar")) async throws -> some ApplicationProtocol {
    let connection = try StoreConnection(location: config.database, logger: logger)
    let credentials = BcryptCredentials(cost: config.bcryptCost)
    do {
        try await connection.migrate()
        if config.seedDemo {
            // A database with data is left exactly as it is: no demo accounts, passwords or roles
            // are added to it, so `--demo` can never open a real organisation's accounts.
            if let demo = try await DemoSeeder(store: connection.store).seedIfEmpty(seed: config.demoSeed, history: config.demoHistory) {
                logger.info("Seeded the demo organisation: \(demo.people.count) people, programme '\(demo.programme.name)'")
                for signIn in try await DemoAccounts(store: connection.store, credentials: credentials).ensure(now: config.clock.now()) {
                    logger.info("Demo sign-in — \(signIn.role): \(signIn.email) / \(DemoAccounts.password)")
                }
            } else {
                logger.info("The database already holds data; --demo leaves it unchanged (the demo sign-ins, if it is the demo, are those printed when it was seeded)")
            }
        }
    } catch {
        await connection.shutdown()
        throw error
    }
    let router = try await buildRouter(store: connection.store, credentials: credentials, config: config)
    var services: [any Service] = [DatabaseService(connection: connection),
                                   RepeatingJob.nudges(Nudges(store: connection.store, publicURL: config.publicURL), every: config.nudgeInterval, clock: config.clock, logger: logger, metrics: config.metrics),
                                   RepeatingJob.webhooks(store: connection.store, every: config.webhookInterval, clock: config.clock, logger: logger, metrics: config.metrics)]
    if let smtp = config.smtp {
        services.append(RepeatingJob.outbox(OutboxDelivery(store: connection.store, mailer: smtp), every: config.outboxInterval, clock: config.clock, logger: logger, metrics: config.metrics))
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Lodestar"),
        services: services,
        logger: logger
    )
}

/// Routes of the JSON API, the health check, signing in and the web pages. Every route but the
/// health check, the style sheet and the sign-in page asks the access rules (see `AccessRules`).
func buildRouter(store: FluentStore, credentials: any Credentials, config: AppConfig) async throws -> Router<LodestarContext> {
    let router = Router(context: LodestarContext.self)
    let pages = try await PageRenderer.load()
    // Read models and sessions' principals, kept while the store's data revision stands.
    let reads = ReadCache(store: store)
    let authentication = Authentication(store: store, credentials: credentials, reads: reads)
    let scraper = config.metricsSecret.map(ScrapeSecret.init)
    // Errors are turned into answers twice: outside, for what authentication itself refuses;
    // inside, so that an error page keeps the navigation of whoever is signed in.
    router.add(middleware: RequestObservationMiddleware(metrics: config.metrics))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.add(middleware: AuthenticationMiddleware(authentication: authentication, reads: reads, trustedProxies: config.trustedProxies, clock: config.clock, scrapeSecret: scraper))
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.get("/health") { _, _ in try await HealthBody.check(store) }
    router.get("/metrics") { _, context in try await MetricsBody.scrape(config.metrics, store: store, context: context) }
    let cookies = SiteCookies(credentials: credentials, alwaysSecure: config.secureCookies)
    AccountPages(authentication: authentication, pages: pages, cookies: cookies).register(on: router)
    let links = AccountLinks(store: store, credentials: credentials, publicURL: config.publicURL)
    LinkPages(links: links, pages: pages, cookies: cookies).register(on: router)
    let plans = PlanCache()
    try LodestarAPI(store: store, document: try APIDocument.load(), plans: plans, publicURL: config.publicURL,
                    credentials: credentials).register(on: router)
    try WebPages(store: store, pages: pages, reads: reads).register(on: router)
    AdministrationPages(store: store, pages: pages, reads: reads, invitations: links).register(on: router)
    ReadinessPages(store: store, pages: pages).register(on: router)
    ImportPages(store: store, pages: pages).register(on: router)
    CyclePages(store: store, pages: pages).register(on: router)
    InboxPages(store: store, pages: pages, publicURL: config.publicURL).register(on: router)
    ProgrammeFormPages(store: store, pages: pages).register(on: router)
    ProfilePages(store: store, pages: pages).register(on: router)
    ApplicationPages(store: store, pages: pages, accounts: links).register(on: router)
    TrainingPages(store: store, pages: pages).register(on: router)
    SurveyPages(store: store, pages: pages).register(on: router)
    GrowthPages(store: store, pages: pages, publicURL: config.publicURL).register(on: router)
    DashboardPages(store: store, pages: pages, reads: reads).register(on: router)
    OutcomePages(store: store, pages: pages).register(on: router)
    SuccessionPages(store: store, pages: pages).register(on: router)
    CertificatePages(store: store, pages: pages, publicURL: config.publicURL).register(on: router)
    RecognitionPages(store: store, pages: pages, publicURL: config.publicURL).register(on: router)
    MatchingPages(store: store, pages: pages, plans: plans, reads: reads).register(on: router)
    WorkspacePages(store: store, pages: pages, reads: reads, publicURL: config.publicURL).register(on: router)
    CalendarPages(feeds: CalendarFeeds(store: store, credentials: credentials), pages: pages, publicURL: config.publicURL)
        .register(on: router)
    PairingPages(store: store, pages: pages).register(on: router)
    ChoicePages(store: store, pages: pages).register(on: router)
    SpeedPages(store: store, pages: pages).register(on: router)
    WebhookPages(store: store, pages: pages, credentials: credentials).register(on: router)
    return router
}
