import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates shipped with the server into HTML responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads every template from the bundled `Templates` folder.
    static func load() async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw HTTPError(.internalServerError, message: "the page templates are missing from the build")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path))
    }

    /// The page `template` filled from `context`.
    func render(_ template: String, _ context: Any, status: HTTPResponse.Status = .ok) -> HTML {
        HTML(status: status, text: library.render(context, withTemplate: template) ?? "template \(template) is missing")
    }

    /// The error page: what went wrong and where to go next.
    func errorPage(_ error: APIError) -> HTML {
        render("error", ErrorView(status: Int(error.status.code), heading: error.status.reasonPhrase, message: error.body.error,
                                  issues: error.body.issues.map { "\($0.field): \($0.message)" }), status: error.status)
    }

    struct ErrorView {
        let status: Int
        let heading: String
        let message: String
        let issues: [String]
        let title = "Error"
    }
}

/// An HTML page as a response.
struct HTML: ResponseGenerator {
    let status: HTTPResponse.Status
    let text: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
