import Foundation
import Hummingbird
import LodestarCore
import MultipartKit

/// A form that sends a file (`multipart/form-data`): its text fields, and its files with the
/// names they had on the sender's machine. The body stays readable for the handler.
struct UploadForm {
    struct File {
        let fileName: String
        let data: Data
    }

    var fields: [String: String] = [:]
    var files: [String: File] = [:]

    /// The largest body taken: the largest file an import takes, and room for the other fields.
    static let limit = PendingImport.maximumBytes + (1 << 16)

    /// The boundary of a multipart form, nil for any other body.
    static func boundary(of request: Request) -> String? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: type)
    }

    /// Reads the form; a body that is not a well-formed multipart form is refused, saying so.
    static func read(_ request: inout Request) async throws -> UploadForm {
        guard let boundary = boundary(of: request) else {
            throw HTTPError(.unsupportedMediaType, message: "Send the file as a form upload (multipart/form-data).")
        }
        let body = try await request.collectBody(upTo: limit)
        var form = UploadForm()
        var headers: [String: String] = [:]
        var part = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in part.writeBuffer(&chunk) }
        parser.onPartComplete = {
            defer { headers = [:]; part = ByteBuffer() }
            guard let disposition = headers["content-disposition"], let name = parameter("name", in: disposition) else { return }
            if let fileName = parameter("filename", in: disposition) {
                form.files[name] = File(fileName: fileName, data: Data(buffer: part))
            } else {
                form.fields[name] = String(buffer: part)
            }
        }
        do { try parser.execute(body) } catch {
            throw HTTPError(.badRequest, message: "The form upload could not be read (\(error)); choose the file and send the form again.")
        }
        return form
    }

    /// The form a request sends, its body left readable.
    static func read(_ request: Request) async throws -> UploadForm {
        var request = request
        return try await read(&request)
    }

    /// A parameter of a header value: `name` of `form-data; name="file"; filename="a.csv"`.
    private static func parameter(_ key: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var text = pair[1]
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            return text
        }
        return nil
    }
}
