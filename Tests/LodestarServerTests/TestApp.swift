import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LodestarCore
import LodestarServer
import LodestarStore
import LodestarTestSupport
import Logging
import NIOCore

/// Runs `body` against the real application on a fresh database of `database`'s kind, with the
/// test admin (`TestAccounts`) in it; `prepare` may add more to the store first.
func withApp(_ database: TestDatabase = .sqlite, demo: Bool = false, trustedProxies: Set<String> = [], prepare: (FluentStore) async throws -> Void = { _ in },
             _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await withAppAndStore(database, demo: demo, trustedProxies: trustedProxies, prepare: prepare) { client, _ in try await body(client) }
}

/// The app's logger in tests: warnings and errors only, so that a line per request doesn't bury the results.
let quietLogger: Logger = {
    var logger = Logger(label: "lodestar")
    logger.logLevel = .warning
    return logger
}()

/// Like `withApp`, also handing the test a store on the same database: what a recipient's
/// mailbox holds (a one-time link is shown nowhere else), and what was written.
func withAppAndStore(_ database: TestDatabase = .sqlite, demo: Bool = false, trustedProxies: Set<String> = [], clock: ServerClock = .system,
                     logger: Logger = quietLogger, metricsSecret: String? = nil, prepare: (FluentStore) async throws -> Void = { _ in },
                     _ body: @Sendable (any TestClientProtocol, FluentStore) async throws -> Void) async throws {
    try await withApps(1, database, demo: demo, trustedProxies: trustedProxies, clock: clock, logger: logger, metricsSecret: metricsSecret,
                       prepare: prepare) { clients, store in try await body(clients[0], store) }
}

/// Like `withAppAndStore` with `count` (one or two) app servers on one database, as separate processes would
/// be (each with its own connection pool).
func withApps(_ count: Int, _ database: TestDatabase = .sqlite, demo: Bool = false, trustedProxies: Set<String> = [], clock: ServerClock = .system,
              logger: Logger = quietLogger, metricsSecret: String? = nil, prepare: (FluentStore) async throws -> Void = { _ in },
              _ body: @Sendable ([any TestClientProtocol], FluentStore) async throws -> Void) async throws {
    guard var location = try await database.freshLocation() else { return }
    // The store is prepared through a connection of its own, so an in-memory SQLite would be lost.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-\(UUID()).sqlite").path
    if case .sqliteMemory = location { location = .sqliteFile(path: file) }
    defer { try? FileManager.default.removeItem(atPath: file) }
    let connection = try StoreConnection(location: location)
    do {
        try await connection.migrate()
        if demo { try await DemoSeeder(store: connection.store).seedIfEmpty() }
        try await TestAccounts.seedAdmin(in: connection.store)
        try await prepare(connection.store)
        await connection.shutdown()
    } catch {
        await connection.shutdown()
        throw error
    }
    func app() async throws -> some ApplicationProtocol {
        // Webhook deliveries are sent by the tests themselves (the job's first round, at start, finds nothing).
        try await buildApplication(config: AppConfig(database: location, seedDemo: demo, bcryptCost: 4, webhookInterval: .seconds(3600),
                                                     trustedProxies: trustedProxies, clock: clock, metricsSecret: metricsSecret), logger: logger)
    }
    let reader = try StoreConnection(location: location)
    let store = reader.store
    // The second app's test client lives inside the first one's, so both are up together.
    func serve() async throws {
        let first = try await app()
        guard count > 1 else { return try await first.test(.router) { client in try await body([client], store) } }
        let second = try await app()
        try await first.test(.router) { one in try await second.test(.router) { two in try await body([one, two], store) } }
    }
    do {
        try await serve()
    } catch {
        await reader.shutdown()
        throw error
    }
    await reader.shutdown()
}

/// The one-time link in the newest message to `recipient`, as their mailbox has it.
func linkToken(sentTo recipient: String, in store: FluentStore) async throws -> String? {
    let notice = try await store.notices(page: .everything).items.first { $0.recipient == recipient }
    return notice.flatMap { $0.body.firstMatch(of: /set-password\?token=([A-Za-z0-9_-]+)/).map { String($0.1) } }
}

/// Who a test request comes from.
enum Caller: Sendable {
    case anonymous
    /// `Authorization: Bearer …`
    case token(String)
    /// The session cookie, with the session's CSRF token for changes.
    case session(String, csrf: String)

    static let admin = Caller.token(TestAccounts.adminToken)
    static let adminBrowser = Caller.session(TestAccounts.adminSession, csrf: TestAccounts.csrf)

    var headers: HTTPFields {
        switch self {
        case .anonymous: [:]
        case .token(let token): [.authorization: "Bearer \(token)"]
        case .session(let session, let csrf): [.cookie: "lodestar_session=\(session)", HTTPField.Name("X-CSRF-Token")!: csrf]
        }
    }
}

extension TestClientProtocol {
    /// Sends JSON and returns the status and the decoded JSON answer.
    func json(_ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, as caller: Caller = .admin) async throws -> (HTTPResponse.Status, Any) {
        var headers = caller.headers
        headers[.contentType] = "application/json"
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            let data = Data(response.body.readableBytesView)
            return (response.status, try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        }
    }

    /// Fetches a page and returns its status and HTML.
    func page(_ uri: String, as caller: Caller = .adminBrowser) async throws -> (HTTPResponse.Status, String) {
        try await execute(uri: uri, method: .get, headers: caller.headers) { response in (response.status, String(buffer: response.body)) }
    }

    /// Posts a form; `fields` should include `csrf` when the test wants it to pass.
    func form(_ uri: String, _ fields: [String: String], headers extra: HTTPFields = [:], as caller: Caller = .adminBrowser) async throws -> TestResponse {
        var headers = caller.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        for field in extra { headers.append(field) }
        let body = fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }
}

extension TestClientProtocol {
    /// Uploads a file as a browser's form does (multipart/form-data), with the other `fields`.
    func upload(_ uri: String, file: Data, named fileName: String, fields: [String: String], as caller: Caller = .adminBrowser) async throws -> TestResponse {
        let boundary = "lodestar-test-\(UUID().uuidString)"
        var headers = caller.headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        var body = ByteBuffer()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await execute(uri: uri, method: .post, headers: headers, body: body) { $0 }
    }
}

/// Reads `path` ("items.0.name") out of decoded JSON.
func value(_ json: Any, _ path: String) -> Any? {
    path.split(separator: ".").reduce(Optional(json)) { current, key in
        if let index = Int(key), let array = current as? [Any] { return index < array.count ? array[index] : nil }
        return (current as? [String: Any])?[String(key)]
    }
}

/// The field names of an error answer's issues.
func issueFields(_ json: Any) -> [String] {
    ((json as? [String: Any])?["issues"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
}

/// An error answer's sentence and its issues' messages, as one text.
func messages(_ json: Any) -> String {
    let object = json as? [String: Any]
    let issues = (object?["issues"] as? [[String: Any]])?.map { "\($0["field"] ?? ""): \($0["message"] ?? "")" } ?? []
    return ([object?["error"] as? String ?? ""] + issues).joined(separator: "\n")
}
