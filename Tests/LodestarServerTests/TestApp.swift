import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LodestarServer
import LodestarStore
import LodestarTestSupport
import NIOCore

/// Runs `body` against the real application on a fresh database of `database`'s kind.
func withApp(_ database: TestDatabase = .sqlite, demo: Bool = false, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    guard let location = try await database.freshLocation() else { return }
    let app = try await buildApplication(config: AppConfig(database: location, seedDemo: demo))
    try await app.test(.router, body)
}

extension TestClientProtocol {
    /// Sends JSON and returns the status and the decoded JSON answer.
    func json(_ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil) async throws -> (HTTPResponse.Status, Any) {
        try await execute(uri: uri, method: method, headers: [.contentType: "application/json"],
                          body: body.map { ByteBuffer(string: $0) }) { response in
            let data = Data(response.body.readableBytesView)
            return (response.status, try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        }
    }

    /// Fetches a page and returns its status and HTML.
    func page(_ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await execute(uri: uri, method: .get) { response in (response.status, String(buffer: response.body)) }
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
