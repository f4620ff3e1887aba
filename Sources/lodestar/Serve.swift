import ArgumentParser
import Foundation
import Hummingbird
import LodestarServer
import Logging
import Metrics

/// `lodestar serve`: the web app and JSON API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web app and the JSON API (migrates the database first).")

    @Option(help: "Address to listen on (env LODESTAR_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (env LODESTAR_PORT; default 8080).") var port: String?
    @Flag(help: "Seed an empty database with the demo organisation (never touches one with data).") var demo = false
    @Option(help: "Seed of the demo organisation (env LODESTAR_DEMO_SEED; default 2027).") var seed: String?
    @Option(help: "The site's public address, for links in messages; https marks cookies Secure (env LODESTAR_PUBLIC_URL; default http://HOST:PORT).") var publicURL: String?
    @Option(help: "Deliver the outbox by SMTP: smtp://[user:password@]host[:port][?from=address] (env LODESTAR_SMTP_URL; default: keep notices in the outbox).") var smtpURL: String?
    @Option(help: "Seconds between looks for meeting reminders and nudges to send (env LODESTAR_NUDGE_INTERVAL; default 300).") var nudgeInterval: String?
    @Option(name: .customLong("trusted-proxy"), help: "Address of a reverse proxy whose X-Forwarded-For names the client; repeat for several (env LODESTAR_TRUSTED_PROXY, comma-separated; default none).")
    var trustedProxies: [String] = []
    @Option(help: "Log lines as 'text' or 'json' (one JSON object per line, with a request id on every line of a request) (env LODESTAR_LOG_FORMAT; default text).")
    var logFormat: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let settings = Settings(flags: ["host": host, "port": port, "demo.seed": seed, "database.url": database.databaseURL,
                                        "public.url": publicURL, "smtp.url": smtpURL, "nudge.interval": nudgeInterval,
                                        "trusted.proxy": trustedProxies.isEmpty ? nil : trustedProxies.joined(separator: ","),
                                        "log.format": logFormat])
        let json = switch settings.string("log.format", default: "text") {
        case "text": false
        case "json": true
        case let other: throw ValidationError("--log-format '\(other)' is not text or json")
        }
        if json { LoggingSystem.bootstrap { JSONLogHandler(label: $0) } }
        let metricsSecret = settings.optionalString("metrics.secret")
        if let metricsSecret, metricsSecret.count < 16 {
            throw ValidationError("LODESTAR_METRICS_SECRET must be at least 16 characters; make one with 'openssl rand -hex 32'")
        }
        let metrics = ServerMetrics()
        MetricsSystem.bootstrap(metrics.metricsFactory)
        let smtp = try settings.optionalString("smtp.url").map { text in
            do { return try SMTPMailer(url: text) } catch { throw ValidationError("\(error)") }
        }
        let config = AppConfig(
            host: settings.string("host", default: "127.0.0.1"),
            port: try settings.integer("port", default: 8080, range: 1...65535),
            database: try settings.database(),
            seedDemo: demo,
            demoSeed: try settings.integer("demo.seed", default: UInt64(2027), range: 0...UInt64.max),
            demoHistory: demo,
            publicURL: settings.optionalString("public.url"), smtp: smtp,
            nudgeInterval: .seconds(try settings.integer("nudge.interval", default: 300, range: 10...86400)),
            trustedProxies: Set(settings.string("trusted.proxy", default: "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }),
            metricsSecret: metricsSecret, metrics: metrics)
        let app = try await buildApplication(config: config)
        let serving = "Lodestar serving http://\(config.host):\(config.port) from \(config.database)"
            + (smtp.map { "; mail through \($0.host):\($0.port)" } ?? "; messages wait in the outbox (no LODESTAR_SMTP_URL)")
        if json { Logger(label: "lodestar").info("\(serving)") } else { print(serving) }
        try await app.runService()
    }
}
