import Foundation
import Hummingbird
import LodestarCore

/// Speed-mentoring events: planning (managers), the schedule (printable), each participant's rounds and calendar file.
struct SpeedPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.cycle(.key, .speed)) { _, context in
            try await page(context, template: .speed, problems: [], form: [:])
        }
        router.get(.cycle(.key, .speedPrint)) { _, context in
            try await page(context, template: .speedPrint, problems: [], form: [:])
        }
        router.post(.cycle(.key, .speed)) { request, context in
            let speed = SpeedMentoring(store: store, principal: try context.signedIn())
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            try await speed.requirePlanner(cycleID)
            let form = try await FormBody.fields(request)
            do {
                let (start, zone) = try FormClock.moment(form)
                func number(_ field: String) throws -> Int {
                    guard let value = Int(form[field] ?? "") else { throw ValidationError([FieldIssue(field: field, message: "'\(form[field] ?? "")' is not a whole number")]) }
                    return value
                }
                _ = try await speed.plan(cycleID, .init(startsAt: start, rounds: try number("rounds"), minutes: try number("minutes"), pause: try number("pause"),
                                                        place: form["place"] ?? "", timeZone: zone.identifier), now: context.now)
                return Response(status: .seeOther, headers: [.location: SiteURL.cycle(.value(cycleID), .speed).path])
            } catch let error as ValidationError {
                return try await page(context, template: .speed, problems: error.issues.map(\.description), form: form, status: .unprocessableContent)
                    .response(from: request, context: context)
            }
        }
        router.get(.cycle(.key, .speedCalendar)) { _, context in
            let speed = SpeedMentoring(store: store, principal: try context.signedIn())
            return CalendarPages.calendarResponse(try await speed.calendar(try context.parameters.id(of: "cycle")), filename: "speed-mentoring.ics")
        }
    }

    private func page(_ context: LodestarContext, template: Template, problems: [String], form: [String: String],
                      status: HTTPResponse.Status = .ok) async throws -> HTML {
        let principal = try context.signedIn()
        let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
        let read = try await SpeedMentoring(store: store, principal: principal).page(cycleID)
        let (event, cycle, programme) = (read.event, read.cycle, read.programme)
        let mine = principal.enrolments.first { $0.enrolment.cycleID == cycleID }?.enrolment
        let zone = TimeZone(identifier: principal.person?.timeZone ?? event?.plan.timeZone ?? "") ?? .gmt
        return pages.render(template, SpeedView(event: event, cycle: cycle, programme: programme, names: read.names, mine: mine,
                                                manager: principal.manages(programme.id), zone: zone, problems: problems, form: form,
                                                csrf: context.session?.csrfToken ?? ""), for: context, status: status)
    }
}
