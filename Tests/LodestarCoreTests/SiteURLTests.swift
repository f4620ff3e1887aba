import Foundation
import LodestarCore
import Testing

@Suite("Site addresses")
struct SiteURLTests {
    @Test("a query's names and values come back from the link exactly as written, a plus and a space apart")
    func queryRoundTrip() throws {
        let values = ["Ada Lovelace", "a+b", "x&y=z", "50%", "/?#", "Zoë 李", "~-._"]
        for value in values {
            let link = SiteURL.people.with([URLQueryItem(name: "q", value: value), URLQueryItem(name: "offset", value: "50")])
            let items = URLComponents(string: link)?.queryItems ?? []
            #expect(items.map(\.name) == ["q", "offset"])
            #expect(items.first?.value == value, "\(link)")
            let query = link.split(separator: "?", maxSplits: 1).last ?? ""
            #expect(!query.contains(" ") && !query.contains("+"), "a form decoder would read a space")
        }
        #expect(SiteURL.people.with([]) == "/people")
    }

    @Test("a path parameter is one segment: an id as it is, anything else encoded")
    func pathSegment() {
        let id = UUID()
        #expect(Parameter.value(id).segment("id") == id.uuidString)
        #expect(Parameter.value("a/b c").segment("id") == "a%2Fb%20c")
        #expect(Parameter<UUID>.key.segment("id") == ":id")
    }
}
