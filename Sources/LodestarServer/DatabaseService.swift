import LodestarStore
import ServiceLifecycle

/// Keeps the database open while the application runs and closes it on shutdown.
struct DatabaseService: Service {
    let connection: StoreConnection

    func run() async throws {
        try? await gracefulShutdown()
        await connection.shutdown()
    }
}
