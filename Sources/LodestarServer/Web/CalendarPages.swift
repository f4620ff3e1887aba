import Foundation
import Hummingbird
import LodestarCore

/// The personal calendar feed: a page to make (or replace) one's secret address, and the feed
/// itself, which calendar apps fetch without signing in — the secret in its address is the key.
struct CalendarPages {
    let feeds: CalendarFeeds
    let pages: PageRenderer
    let publicURL: String

    func register(on router: Router<LodestarContext>) {
        router.get(.calendar) { _, context in
            try await page(context, address: nil, problem: nil)
        }
        router.post(.calendar) { _, context in
            do {
                let token = try await feeds.renew(for: try context.signedIn(), now: context.now)
                return try await page(context, address: "\(publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL)\(SiteURL.calendarFeed(.value(token)).path)", problem: nil)
            } catch let error as ValidationError {
                return try await page(context, address: nil, problem: error.summary, status: .unprocessableContent)
            }
        }
        router.get(.calendarFeed(.key)) { _, context in
            guard let text = try await feeds.feed(token: context.parameters.get("token") ?? "") else {
                throw NotFound("calendar feed", context.parameters.get("token") ?? "")
            }
            return Self.calendarResponse(text, filename: "mentoring.ics")
        }
    }

    private func page(_ context: LodestarContext, address: String?, problem: String?, status: HTTPResponse.Status = .ok) async throws -> HTML {
        let principal = try context.signedIn()
        let view = CalendarView(linked: principal.person != nil, exists: try await feeds.exists(for: principal), address: address,
                                problem: problem, csrf: context.session?.csrfToken ?? "")
        return pages.render(.calendar, view, for: context, status: status)
    }

    /// An iCalendar document as a download calendars accept.
    static func calendarResponse(_ text: String, filename: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\"",
                                        .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

struct CalendarView {
    let title = "Calendar feed"
    let linked: Bool
    let exists: Bool
    let address: String?
    let problem: String?
    let csrf: String
}
