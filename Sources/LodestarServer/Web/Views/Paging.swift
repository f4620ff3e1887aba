import Foundation
import LodestarCore

/// Previous and next links under a long list, keeping the other query parameters.
struct Paging {
    let summary: String
    let previous: String?
    let next: String?
    let needed: Bool

    init<T>(_ page: Page<T>, path: String, query: [String: String]) {
        let kept = query.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        self.init(page) { offset, limit in
            SiteURL.link(path, kept + [URLQueryItem(name: "offset", value: String(offset)), URLQueryItem(name: "limit", value: String(limit))])
        }
    }

    /// Paging whose links `link` makes from an offset and a limit.
    init<T>(_ page: Page<T>, link make: (Int, Int) -> String) {
        let first = page.total == 0 ? 0 : page.offset + 1
        summary = "\(first)–\(page.offset + page.items.count) of \(page.total)"
        func link(_ offset: Int) -> String { make(offset, page.limit) }
        previous = page.offset > 0 ? link(max(0, page.offset - page.limit)) : nil
        next = page.offset + page.items.count < page.total ? link(page.offset + page.limit) : nil
        needed = previous != nil || next != nil
    }
}
