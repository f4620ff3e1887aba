import Foundation
import OpenAPIRuntime
import Yams

/// `openapi.yaml`, the API's source of truth, as the server serves it at `/api/v1/openapi.json`.
struct APIDocument: Sendable {
    /// Where the API's paths begin: the document's server URL.
    static let basePath = "api/v1"

    /// The document as JSON values.
    let json: OpenAPIObjectContainer

    /// Reads the document from the server's resources.
    static func load() throws -> APIDocument {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "openapi.yaml"])
        }
        return try APIDocument(yaml: String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    init(yaml: String) throws {
        // Dates stay text: JSON has none, and examples must read as written.
        let tree = try Yams.load(yaml: yaml, Resolver.default.removing(.timestamp))
        guard let object = Self.sendable(tree) as? [String: (any Sendable)?] else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "openapi.yaml is not a YAML mapping"))
        }
        json = try OpenAPIObjectContainer(unvalidatedValue: object)
    }

    /// YAML's values as the JSON container takes them.
    private static func sendable(_ value: Any?) -> (any Sendable)? {
        switch value {
        case let map as [AnyHashable: Any]: Dictionary(map.map { ("\($0.key.base)", sendable($0.value)) }) { first, _ in first }
        case let map as [String: Any]: map.mapValues { sendable($0) }
        case let list as [Any]: list.map { sendable($0) }
        case let value as Bool: value
        case let value as Int: value
        case let value as Double: value
        case let value as String: value
        default: nil
        }
    }
}
