import Foundation
import Hummingbird
import LodestarCore

extension PageRenderer {
    /// The page `request` asks for, drawn from `view` once while nothing is written and kept for
    /// its reader this minute; each session's own CSRF token is put into its forms as it is served.
    /// For pages whose view is a function of the request's path and query, the reader and the time.
    func kept(_ template: Template, _ request: Request, _ context: LodestarContext, reads: ReadCache,
              _ view: (_ csrf: String) async throws -> Any) async throws -> HTML {
        let principal = try context.signedIn()
        let page = try await reads.value("page " + request.uri.path, of: request.uri.query ?? "", for: principal, at: context.now, revision: context.revision) {
            let text = self.text(template, try await view(Self.csrfStandIn), nav: Navigation(principal, csrf: Self.csrfStandIn))
            return KeptPage(parts: text.components(separatedBy: Self.csrfStandIn))
        }
        return HTML(status: .ok, text: page.parts.joined(separator: context.session?.csrfToken ?? ""))
    }

    /// A page as kept: its text around the places its session's CSRF token goes.
    private struct KeptPage: Sendable {
        let parts: [String]
    }

    /// Stands in a kept page for the CSRF token of whoever it is served to: random per process, so
    /// no text a page shows can contain it, and written by escaping as it is (letters and digits).
    private static let csrfStandIn = "csrf" + UUID().uuidString.replacingOccurrences(of: "-", with: "") + UUID().uuidString.replacingOccurrences(of: "-", with: "")
}
