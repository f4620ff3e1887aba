import ArgumentParser
import Hummingbird

/// `lodestar bench-floor`: a bare Hummingbird route answering "ok", the floor that
/// `scripts/bench-pages.sh` measures Lodestar's pages against in the same run.
struct BenchFloor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-floor",
        abstract: "Serve a bare Hummingbird route on 127.0.0.1, the floor the page benchmark compares against.")
    @Option(help: "Port on 127.0.0.1.") var port: Int = 8090

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port \(port) must be from 1 to 65535") }
    }

    func run() async throws {
        let router = Router()
        router.get("/") { _, _ in "ok" }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port))).runService()
    }
}
