import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster in a temporary directory on a free loopback port, started once
/// per test process when the PostgreSQL binaries exist, and removed when the process ends.
public actor PostgresCluster {
    /// The cluster of this test process.
    public static let shared = PostgresCluster()

    public enum Status: Sendable {
        case running(port: Int, socketDirectory: String)
        case unavailable(reason: String)
    }

    private var status: Status?
    private var databaseCount = 0

    /// Starts the cluster on first use; later calls return the same status.
    public func start() -> Status {
        if let status { return status }
        let result: Status
        do {
            result = try launch()
        } catch {
            result = .unavailable(reason: "\(error)")
        }
        status = result
        switch result {
        case .running(let port, _):
            FileHandle.standardError.write(Data("PostgreSQL test cluster started on 127.0.0.1:\(port); the PostgreSQL cases run\n".utf8))
        case .unavailable(let reason):
            FileHandle.standardError.write(Data("""
                ********************************************************************
                PostgreSQL cases SKIPPED: \(reason)
                Install PostgreSQL (apt-get install -y postgresql) to run them.
                ********************************************************************

                """.utf8))
        }
        return result
    }

    /// A new, empty database in the cluster; its URL.
    public func createDatabase() throws -> String {
        guard case .running(let port, let socketDirectory)? = status else { throw ClusterError("the cluster is not running") }
        databaseCount += 1
        let name = "lodestar_test_\(databaseCount)"
        try Self.run(Self.binary("createdb"), ["-h", socketDirectory, "-p", "\(port)", "-U", "postgres", name], asPostgres: false)
        return "postgres://postgres@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    private func launch() throws -> Status {
        guard let initdb = Self.binary("initdb"), let pgctl = Self.binary("pg_ctl") else {
            throw ClusterError("initdb and pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-pg-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 {
            // PostgreSQL refuses to run as root; the cluster belongs to the postgres user.
            try Self.run("/bin/chown", ["postgres:postgres", directory], asPostgres: false)
        }
        let data = directory + "/data"
        try Self.run(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--locale=C"], asPostgres: true)
        let port = try Self.freePort()
        let options = "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        try Self.run(pgctl, ["-D", data, "-l", directory + "/server.log", "-w", "-o", options, "start"], asPostgres: true)
        try Self.removeWhenProcessEnds(pgctl: pgctl, data: data, directory: directory)
        return .running(port: port, socketDirectory: directory)
    }

    /// A watchdog outlives this process by a moment: it stops the server and deletes the directory.
    private static func removeWhenProcessEnds(pgctl: String, data: String, directory: String) throws {
        let stop = getuid() == 0 ? "runuser -u postgres -- \(pgctl)" : pgctl
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop) -D '\(data)' -m immediate stop >/dev/null 2>&1; rm -rf '\(directory)'"
        try ChildProcess.spawn("/bin/sh", ["-c", script])
    }

    static func binary(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { "\($0)/\(name)" }
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            candidates += versions.sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin/\(name)" }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func run(_ executable: String?, _ arguments: [String], asPostgres: Bool) throws {
        guard let executable else { throw ClusterError("a PostgreSQL binary is missing") }
        let (program, argv) = asPostgres && getuid() == 0
            ? ("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments)
            : (executable, arguments)
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-pg-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = try ChildProcess.run(program, argv, outputPath: outputPath)
        guard status == 0 else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw ClusterError("\((executable as NSString).lastPathComponent) failed (exit \(status)): \(text.suffix(600))")
        }
    }

    /// Asks the kernel for a free loopback port.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClusterError("no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ClusterError("could not find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct ClusterError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
