import Hummingbird
import LodestarCore

extension Router {
    /// Answers GET on a page's path as `SiteURL` declares it.
    @discardableResult
    func get(_ url: SiteURL, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self {
        get(RouterPath(url.path), use: handler)
    }

    /// Answers POST on a form's path as `SiteURL` declares it.
    @discardableResult
    func post(_ url: SiteURL, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self {
        post(RouterPath(url.path), use: handler)
    }
}
