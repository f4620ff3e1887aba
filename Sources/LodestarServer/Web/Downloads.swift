import Foundation
import Hummingbird

extension Response {
    /// A CSV file the browser downloads as `name`.
    static func csv(_ text: String, named name: String) -> Response {
        download(ByteBuffer(string: text), type: "text/csv; charset=utf-8", named: name)
    }

    /// A PDF file the browser downloads as `name`.
    static func pdf(_ data: Data, named name: String) -> Response {
        download(ByteBuffer(bytes: data), type: "application/pdf", named: name)
    }

    private static func download(_ body: ByteBuffer, type: String, named name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: #"attachment; filename="\#(name)""#], body: .init(byteBuffer: body))
    }
}
