import LodestarStore

/// Everything the server needs to start; the executable fills it from flags, environment and defaults.
public struct AppConfig: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// Seed an empty database with the demo organisation.
    public var seedDemo: Bool
    public var demoSeed: UInt64
    /// The demo also gets its programme's completed pilot cycle (`serve --demo`; tests seed without it).
    public var demoHistory: Bool
    /// bcrypt's work factor for new password hashes (4–31; each step doubles the work).
    public var bcryptCost: UInt8
    /// Mark cookies `Secure` on every response (set when the public address is https); they are
    /// also marked when a proxy sends `X-Forwarded-Proto: https`.
    public var secureCookies: Bool
    /// Where the site is reached, for links in messages (LODESTAR_PUBLIC_URL).
    public var publicURL: String
    /// Outbox delivery by SMTP when set (LODESTAR_SMTP_URL); otherwise notices wait in the outbox page.
    public var smtp: SMTPMailer?
    /// How often the outbox is sent.
    public var outboxInterval: Duration
    /// How often due webhook deliveries are sent.
    public var webhookInterval: Duration
    /// How often meeting reminders and nudges are looked for (LODESTAR_NUDGE_INTERVAL, seconds).
    public var nudgeInterval: Duration
    /// Reverse proxies whose `X-Forwarded-For` names the client (LODESTAR_TRUSTED_PROXY); none by
    /// default, so a client can't choose the address its sign-in failures count against.
    public var trustedProxies: Set<String>
    /// Where every handler and background job reads the time (tests fix it).
    public var clock: ServerClock
    /// A secret a Prometheus scraper sends as `Authorization: Bearer …` to read `/metrics`
    /// (LODESTAR_METRICS_SECRET); without it only an admin (or an admin's token) may.
    public var metricsSecret: String?
    /// Where the server's metrics are kept; `lodestar serve` also makes it the process's metrics system.
    public var metrics: ServerMetrics

    /// Creates a configuration; defaults are the documented ones.
    public init(host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .sqliteFile(path: "lodestar.sqlite"),
                seedDemo: Bool = false, demoSeed: UInt64 = 2027, demoHistory: Bool = false, bcryptCost: UInt8 = 12, secureCookies: Bool = false,
                publicURL: String? = nil, smtp: SMTPMailer? = nil, outboxInterval: Duration = .seconds(5),
                webhookInterval: Duration = .seconds(5), nudgeInterval: Duration = .seconds(300), trustedProxies: Set<String> = [], clock: ServerClock = .system,
                metricsSecret: String? = nil, metrics: ServerMetrics = ServerMetrics()) {
        self.host = host
        self.port = port
        self.database = database
        self.seedDemo = seedDemo
        self.demoSeed = demoSeed
        self.demoHistory = demoHistory
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies || (publicURL?.hasPrefix("https://") ?? false)
        self.publicURL = publicURL ?? "http://\(host):\(port)"
        self.smtp = smtp
        self.outboxInterval = outboxInterval
        self.webhookInterval = webhookInterval
        self.nudgeInterval = nudgeInterval
        self.trustedProxies = trustedProxies
        self.clock = clock
        self.metricsSecret = metricsSecret
        self.metrics = metrics
    }
}
