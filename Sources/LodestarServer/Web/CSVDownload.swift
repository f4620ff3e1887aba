import Hummingbird

extension Response {
    /// A CSV file the browser downloads as `name`.
    static func csv(_ text: String, named name: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: #"attachment; filename="\#(name)""#],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
