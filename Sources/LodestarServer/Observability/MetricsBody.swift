import Crypto
import Foundation
import Hummingbird
import LodestarCore

/// `GET /metrics`: the server's metrics in Prometheus text format, for an admin (or an admin's
/// token) or a scraper sending the configured scrape secret.
enum MetricsBody {
    static func scrape(_ metrics: ServerMetrics, store: any LodestarRepositories, context: LodestarContext) async throws -> Response {
        if !context.scraper { try context.signedIn().requireAdmin("reading the server's metrics") }
        let text = await metrics.exposition(store: store, now: context.now)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The scrape secret (LODESTAR_METRICS_SECRET), compared by digest so that the time a wrong
/// guess takes tells nothing about the secret.
struct ScrapeSecret: Sendable {
    private let digest: SHA256.Digest

    init(_ secret: String) { digest = SHA256.hash(data: Data(secret.utf8)) }

    func matches(_ sent: String) -> Bool { SHA256.hash(data: Data(sent.utf8)) == digest }
}
