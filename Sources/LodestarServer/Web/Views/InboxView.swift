import Foundation
import LodestarCore

/// The inbox: one's messages, newest first, the unread marked.
struct InboxView {
    struct Row {
        let subject: String
        let href: String
        let sent: String
        let unread: Bool
    }

    let title = "Inbox"
    let rows: [Row]
    let paging: Paging
    let unreadOnly: Bool
    let allHref = SiteURL.inbox.path
    let unreadHref = SiteURL.inbox.with([URLQueryItem(name: "unread", value: "1")])
    let csrf: String
    let unreadCount: Int
    let hasUnread: Bool

    init(_ page: Page<Notice>, unreadOnly: Bool, for principal: Principal, csrf: String) {
        let zone = principal.readingZone
        rows = page.items.map { Row(subject: $0.subject, href: SiteURL.message(.value($0.id)).path, sent: $0.createdAt.moment(in: zone), unread: $0.readAt == nil) }
        paging = Paging(page, path: SiteURL.inbox.path, query: unreadOnly ? ["unread": "1"] : [:])
        self.unreadOnly = unreadOnly
        self.csrf = csrf
        unreadCount = principal.unreadMessages
        hasUnread = principal.unreadMessages > 0
    }
}

/// One message: its subject, when it came, and its text with the links to this site made links.
struct MessageView {
    /// A stretch of the text: plain, or a link.
    struct Part {
        let text: String
        let href: String?
    }

    let title: String
    let crumbs = [Crumb("Inbox", SiteURL.inbox.path)]
    let subject: String
    let sent: String
    let parts: [Part]

    init(_ notice: Notice, for principal: Principal, site: String) {
        title = notice.subject
        subject = notice.subject
        sent = notice.createdAt.moment(in: principal.readingZone)
        parts = Self.parts(of: notice.body, site: site.hasSuffix("/") ? String(site.dropLast()) : site)
    }

    /// The text cut at each address of this site (`site/…`, up to a space); other addresses stay text.
    static func parts(of text: String, site: String) -> [Part] {
        guard !site.isEmpty else { return [Part(text: text, href: nil)] }
        var parts: [Part] = [], rest = Substring(text)
        while let found = rest.range(of: site + "/") {
            let end = rest[found.lowerBound...].firstIndex { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" } ?? rest.endIndex
            if found.lowerBound > rest.startIndex { parts.append(Part(text: String(rest[..<found.lowerBound]), href: nil)) }
            let address = String(rest[found.lowerBound..<end])
            parts.append(Part(text: address, href: address))
            rest = rest[end...]
        }
        if !rest.isEmpty { parts.append(Part(text: String(rest), href: nil)) }
        return parts
    }
}
