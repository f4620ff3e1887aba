import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LodestarCore
import LodestarTestSupport
@testable import LodestarServer
import Testing

/// The OpenAPI document is the API's source of truth: the router serves exactly its operations,
/// it describes each one fully, and what it shows as an example is what the server takes.
@Suite("The API document")
struct APIDocumentTests {
    static let document = Result { try APIDocument.load() }

    /// The document as plain JSON values, as a client reads it.
    static func tree() throws -> [String: Any] {
        let data = try JSONEncoder().encode(try document.get().json)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("the router has a route for every operation of the document, and no API route outside it")
    func routerMatchesDocument() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let router = try await buildRouter(store: store, credentials: TestAccounts.credentials, config: AppConfig())
            let apiRoutes = Set(router.routes.map { "\($0.method) \($0.path)".replacing(/\{(\w+)\}/) { ":" + $0.1 } }
                .filter { $0.contains(" /api/") })
            let paths = try #require(try Self.tree()["paths"] as? [String: [String: Any]])
            let operations = Set(paths.flatMap { path, item in
                item.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) }
                    .map { "\($0.uppercased()) /\(APIDocument.basePath)\(path.replacing(/\{([^}]+)\}/) { ":\($0.1)" })" }
            })
            #expect(operations.count >= 42)
            #expect(operations.subtracting(apiRoutes).sorted() == [], "operations without a route")
            #expect(apiRoutes.subtracting(operations).sorted() == [], "API routes the document doesn't have")
        }
    }

    @Test("every operation has an id, a summary, a tag and documented errors in the one error shape; every schema has an example")
    func documentIsComplete() throws {
        let tree = try Self.tree()
        var gaps: [String] = []
        let paths = try #require(tree["paths"] as? [String: [String: Any]])
        for (path, item) in paths {
            for (method, entry) in item where ["get", "post", "put", "delete", "patch"].contains(method) {
                let operation = try #require(entry as? [String: Any])
                let name = "\(method.uppercased()) \(path)"
                for key in ["operationId", "summary", "tags", "responses"] where operation[key] == nil { gaps.append("\(name) has no \(key)") }
                let responses = operation["responses"] as? [String: Any] ?? [:]
                let secured = (operation["security"] as? [Any])?.isEmpty != true
                if secured && responses["401"] == nil { gaps.append("\(name) doesn't document 401") }
                if operation["requestBody"] != nil {
                    for status in ["400", "413", "422"] where responses[status] == nil { gaps.append("\(name) takes a body but doesn't document \(status)") }
                }
                for (status, response) in responses where status.hasPrefix("4") || status.hasPrefix("5") {
                    let reference = (response as? [String: Any])?["$ref"] as? String ?? ""
                    let shared = (tree["components"] as? [String: Any]).flatMap { $0["responses"] as? [String: Any] }?[String(reference.split(separator: "/").last ?? "")] as? [String: Any]
                    let schema = value(shared ?? [:], "content.application/json.schema.$ref") as? String
                    if schema != "#/components/schemas/Error" { gaps.append("\(name) answers \(status) without the error shape") }
                }
            }
        }
        let schemas = try #require(value(tree, "components.schemas") as? [String: [String: Any]])
        for (name, schema) in schemas where schema["example"] == nil { gaps.append("schema \(name) has no example") }
        let schemes = try #require(value(tree, "components.securitySchemes") as? [String: Any])
        #expect(Set(schemes.keys) == ["bearerToken", "sessionCookie", "csrfToken"])
        #expect(gaps.sorted() == [])
    }

    @Test("the document is served at /api/v1/openapi.json without signing in, as the repository holds it")
    func served() async throws {
        try await withApp { client in
            let (status, served) = try await client.json(.get, "/api/v1/openapi.json", as: .anonymous)
            #expect(status == .ok)
            #expect(value(served, "openapi") as? String == "3.1.0")
            #expect(value(served, "info.version") as? String == "1.0.0")
            let operations = (served as? [String: Any]).flatMap { $0["paths"] as? [String: Any] }?.count
            #expect(operations == (try Self.tree()["paths"] as? [String: Any])?.count)
        }
    }

    /// Each request body's example, sent to its operation by the admin: none is refused as
    /// malformed or as having a field the server doesn't know.
    @Test("each request body's example in the document is taken by its operation: no field of it is unknown or malformed")
    func requestExamplesAreTaken() async throws {
        let tree = try Self.tree()
        let schemas = try #require(value(tree, "components.schemas") as? [String: [String: Any]])
        let paths = try #require(tree["paths"] as? [String: [String: Any]])
        var bodies: [(method: String, path: String, body: String)] = []
        for (path, item) in paths {
            for (method, entry) in item {
                guard let reference = value(entry, "requestBody.content.application/json.schema.$ref") as? String,
                      let example = schemas[String(reference.split(separator: "/").last!)]?["example"] else { continue }
                let body = String(decoding: try JSONSerialization.data(withJSONObject: example), as: UTF8.self)
                bodies.append((method.uppercased(), path, body))
            }
        }
        let withBodies = paths.values.flatMap(\.values).filter { value($0, "requestBody") != nil }.count
        #expect(withBodies >= 24 && bodies.count == withBodies, "every request body has an example")
        let requests = bodies.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
        let demo = DemoOrganisation()
        try await withApp(demo: true) { client in
            for (method, path, body) in requests {
                let concrete = path.replacing("{id}", with: path.hasPrefix("/cycles") ? demo.cycle.id.description : demo.programme.id.description)
                    .replacing("{slug}", with: "strategic-thinking").replacing("{moment}", with: "start")
                let (status, answer) = try await client.json(HTTPRequest.Method(method)!, "/api/v1" + concrete, body)
                // Ids in examples name nothing in this database (404), and a slug may be taken (422
                // naming the slug); but no example is malformed or has a field the server refuses.
                #expect(status != .badRequest && !messages(answer).contains("is not a field"), "\(method) \(path): \(status.code) \(messages(answer))")
                #expect(status.code < 500)
            }
        }
    }
}
