import Foundation
import Hummingbird
import LodestarCore

/// The forms of a cycle's page that change the cycle: its state (leaving draft below the
/// readiness threshold asks for a reason) and its dates. A refused change shows the page again
/// with the reason above the forms.
struct CyclePages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.post(.cycle(.key, .state)) { request, context in
            let form = try await FormBody.fields(request)
            return try await change(request, context) { office, cycleID in
                _ = try await office.move(cycleID, toStateNamed: form["state"] ?? "", readinessOverride: ReadinessOverride(reason: form["readinessOverride"], at: context.now), now: context.now)
            }
        }
        router.post(.cycle(.key, .dates)) { request, context in
            let form = try await FormBody.fields(request)
            return try await change(request, context) { office, cycleID in
                _ = try await office.setDates(of: cycleID, to: try FormClock.cycleDates { form[$0] })
            }
        }
    }

    /// Makes the change and goes back to the cycle's page, or shows the page with why it was refused.
    private func change(_ request: Request, _ context: LodestarContext,
                        _ make: (ProgrammeOffice, Cycle.ID) async throws -> Void) async throws -> Response {
        let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
        do {
            try await make(try context.programmeOffice(store), cycleID)
            return Response(status: .seeOther, headers: [.location: SiteURL.cycle(.value(cycleID)).path])
        } catch let error as ValidationError {
            let page = try await CyclePage.read(cycleID, enrolled: .first, relationships: .first, for: try context.signedIn(), now: context.now, store)
            return try pages.render(.cycle, CycleView(page, csrf: context.session?.csrfToken ?? "", problem: error.summary), for: context,
                                    status: .unprocessableContent).response(from: request, context: context)
        }
    }
}
