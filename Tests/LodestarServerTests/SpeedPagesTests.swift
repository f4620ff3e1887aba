import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Speed mentoring in the browser")
struct SpeedPagesTests {
    @Test("the manager plans the event from the cycle page; the schedule prints by round and table; the mentee downloads their rounds")
    func planAndPrint() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in
            try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers)
            var programme = try #require(try await store.programme(demo.programme.id))
            programme.format = .speed
            try await store.save(programme)
        }) { client in
            let manager = callers.value[.manager]!, mentee = callers.value[.mentee]!
            guard case .session(_, let csrf) = manager else { Issue.record("session"); return }
            let path = "/cycles/\(demo.cycle.id)/speed"
            let (_, cycle) = try await client.page("/cycles/\(demo.cycle.id)", as: manager)
            #expect(cycle.contains("href=\"\(path)\""))
            let form = ["csrf": csrf, "date": "2099-05-04", "time": "16:00", "timeZone": "Europe/London", "rounds": "4", "minutes": "7", "pause": "3", "place": "Atrium"]
            let bad = try await client.form(path, form.merging(["rounds": "many"]) { $1 }, as: manager)
            #expect(bad.status == .unprocessableContent && String(buffer: bad.body).contains("is not a whole number"))
            #expect(try await client.form(path, form, as: manager).status == .seeOther)
            let (_, printed) = try await client.page("\(path)/print", as: manager)
            #expect(printed.contains("Round 1 · 16:00") && printed.contains("Round 4 · 16:30") && printed.contains("Mentor (stays)"))
            let (_, page) = try await client.page(path, as: mentee)
            #expect(page.contains("Your rounds") && !page.contains("Plan the event"), "the mentee reads, the manager plans")
            let (status, type, ics) = try await client.execute(uri: "\(path)/calendar.ics", method: .get, headers: mentee.headers) {
                ($0.status, $0.headers[.contentType] ?? "", String(buffer: $0.body))
            }
            #expect(status == .ok && type.hasPrefix("text/calendar") && ics.contains("BEGIN:VCALENDAR") && ics.contains("TZID=Europe/London"))
        }
    }
}
