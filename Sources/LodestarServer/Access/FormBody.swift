import Foundation
import Hummingbird

/// Reads `application/x-www-form-urlencoded` bodies; the body stays readable for the handler.
enum FormBody {
    static let limit = 1 << 16

    /// Every field of the form (the last value wins when a name repeats).
    static func fields(of request: inout Request) async throws -> [String: String] {
        let buffer = try await request.collectBody(upTo: limit)
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }

    /// The fields of a request's form.
    static func fields(_ request: Request) async throws -> [String: String] {
        var request = request
        return try await fields(of: &request)
    }
}
