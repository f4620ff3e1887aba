import Foundation
import LodestarCore

/// The site's pages, by what they show: every path the router serves and every link a page or a
/// message makes is written here once.
enum SiteURL {
    /// A cycle's matching plan.
    static func plan(_ cycle: Cycle.ID) -> String { "/cycles/\(cycle)/plan" }
    /// The choice of another mentor for one mentee of a cycle's plan.
    static func planMentee(_ cycle: Cycle.ID, _ mentee: Enrolment.ID) -> String { "/cycles/\(cycle)/plan/mentees/\(mentee)" }

    /// A path with its query, each name and value URL-encoded.
    static func link(_ path: String, _ query: [URLQueryItem]) -> String {
        var parts = URLComponents()
        parts.path = path
        parts.queryItems = query.isEmpty ? nil : query
        // URLComponents leaves "+" alone, which a form decoder reads as a space.
        parts.percentEncodedQuery = parts.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return parts.string ?? path
    }
}
