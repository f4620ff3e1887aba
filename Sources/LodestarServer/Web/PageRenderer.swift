import Foundation
import Hummingbird
import LodestarCore

/// Renders the Mustache templates shipped with the server into HTML responses.
struct PageRenderer: Sendable {
    let library: TemplateLibrary

    /// Loads every template from the bundled `Templates` folder.
    static func load() async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw HTTPError(.internalServerError, message: "the page templates are missing from the build")
        }
        var templates: [String: PageTemplate] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            do {
                templates[name] = try PageTemplate(text)
            } catch {
                throw TemplateUnreadable(name: name, reason: "\(error)")
            }
        }
        return try PageRenderer(checking: TemplateLibrary(templates: templates))
    }

    /// A renderer over `library`, once every page template is in it.
    init(checking library: TemplateLibrary) throws {
        let missing = Template.allCases.filter { library.templates[$0.rawValue] == nil }
        guard missing.isEmpty else { throw TemplatesMissing(names: missing.map(\.rawValue)) }
        self.library = library
    }

    /// The page `template` filled from `view`, inside the layout with the navigation of whoever is signed in.
    func render(_ template: Template, _ view: Any, for context: LodestarContext, status: HTTPResponse.Status = .ok) -> HTML {
        HTML(status: status, text: text(template, view, nav: context.principal.map { Navigation($0, csrf: context.session?.csrfToken ?? "") }))
    }

    /// The text of the page `template` filled from `view`, with `nav` (none outside a request).
    func text(_ template: Template, _ view: Any, nav: Navigation? = nil) -> String {
        // Every template was found at start-up (`init(checking:)`), so rendering yields a page.
        library.render(ViewValue.of(Frame(view: view, nav: nav)) ?? .fields([:]), template: template.rawValue) ?? ""
    }

    /// The error page: what went wrong and where to go next.
    func errorPage(_ error: APIError, for context: LodestarContext) -> HTML {
        render(.error, ErrorView(status: Int(error.status.code), heading: error.status.reasonPhrase, message: error.body.error,
                                  issues: error.body.issues.map { "\($0.field): \($0.message)" }), for: context, status: error.status)
    }

    /// What the layout shows around every page.
    struct Frame {
        let view: Any
        let nav: Navigation?
        let site = SiteLinks()
    }

    /// The links a role sees, who is signed in, and the sign-out form's token.
    struct Navigation {
        let name: String
        let roles: String
        let csrf: String
        let links: [Link]

        struct Link {
            let href: String
            let label: String
        }

        init(_ principal: Principal, csrf: String) {
            name = principal.displayName
            roles = principal.roleNames.joined(separator: " · ")
            self.csrf = csrf
            var links = [Link(href: SiteURL.home.path, label: "Home"),
                         Link(href: SiteURL.inbox.path, label: principal.unreadMessages > 0 ? "Inbox (\(principal.unreadMessages))" : "Inbox"),
                         Link(href: SiteURL.library.path, label: "Library")]
            if principal.isAdmin {
                links.append(Link(href: SiteURL.people.path, label: "People"))
                links.append(Link(href: SiteURL.outbox.path, label: "Outbox"))
                links.append(Link(href: SiteURL.tokens.path, label: "API tokens"))
                links.append(Link(href: SiteURL.webhooks.path, label: "Webhooks"))
                links.append(Link(href: SiteURL.outcomes.path, label: "HR outcomes"))
            }
            if principal.isAdmin || !principal.managedProgrammes.isEmpty {
                links.append(Link(href: SiteURL.organisationDashboard.path, label: "Dashboard"))
                links.append(Link(href: SiteURL.conflicts.path, label: "Conflicts"))
                links.append(Link(href: SiteURL.succession.path, label: "Succession"))
            }
            if let person = principal.person {
                links.append(Link(href: SiteURL.person(.value(person.id)).path, label: "My profile"))
                links.append(Link(href: SiteURL.calendar.path, label: "Calendar"))
            }
            self.links = links
        }
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
