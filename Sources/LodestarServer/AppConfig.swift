import LodestarStore

/// Everything the server needs to start; the executable fills it from flags, environment and defaults.
public struct AppConfig: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// Seed an empty database with the demo organisation.
    public var seedDemo: Bool
    public var demoSeed: UInt64

    /// Creates a configuration; defaults are the documented ones.
    public init(host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .sqliteFile(path: "lodestar.sqlite"),
                seedDemo: Bool = false, demoSeed: UInt64 = 2027) {
        self.host = host
        self.port = port
        self.database = database
        self.seedDemo = seedDemo
        self.demoSeed = demoSeed
    }
}
