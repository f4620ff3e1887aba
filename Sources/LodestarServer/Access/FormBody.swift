import Foundation
import Hummingbird

/// Reads `application/x-www-form-urlencoded` bodies; the body stays readable for the handler.
enum FormBody {
    static let limit = 1 << 16

    /// Every field of the form (the last value wins when a name repeats); of a form that sends
    /// files, its text fields.
    static func fields(of request: inout Request) async throws -> [String: String] {
        if UploadForm.boundary(of: request) != nil { return try await UploadForm.read(&request).fields }
        return Dictionary(try await pairs(of: &request), uniquingKeysWith: { _, last in last })
    }

    /// Every name–value pair of the form, in order (checkboxes of one name repeat).
    static func pairs(of request: inout Request) async throws -> [(String, String)] {
        pairs(String(buffer: try await request.collectBody(upTo: limit)))
    }

    /// The name–value pairs of form-encoded text, in order: "+" is a space, then percent-decoding.
    static func pairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            guard let name = parts.first, !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? parts[1] : "")
        }
    }

    /// The fields of a request's form.
    static func fields(_ request: Request) async throws -> [String: String] {
        var request = request
        return try await fields(of: &request)
    }

    /// Every name–value pair of a request's form, in order.
    static func pairs(_ request: Request) async throws -> [(String, String)] {
        var request = request
        return try await pairs(of: &request)
    }
}

/// A page's query string read as a browser's form sends it: a space arrives as "+" (which
/// Hummingbird's query parameters keep as a plus).
struct FormQuery {
    let pairs: [(name: String, value: String)]

    init(_ request: Request) {
        pairs = FormBody.pairs(request.uri.query ?? "").map { (name: $0.0, value: $0.1) }
    }

    /// The first value of `name`.
    func get(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    func getAll(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }
}
