import Foundation
import Hummingbird
import LodestarCore

/// Evaluation in the browser: a cycle's dashboard and a programme's, each downloadable as CSV
/// (formula-safe) — the use case the API and `lodestar report` read.
struct DashboardPages {
    let store: any LodestarRepositories
    let pages: PageRenderer

    func register(on router: Router<LodestarContext>) {
        router.get(.cycle(.key, .dashboard)) { _, context in
            let indicators = try await evaluation(context).cycle(try context.parameters.id(of: "cycle"), now: context.now)
            return pages.render(.dashboard, CycleDashboardView(indicators), for: context)
        }
        router.get(.cycle(.key, .dashboardCSV)) { _, context in
            let indicators = try await evaluation(context).cycle(try context.parameters.id(of: "cycle"), now: context.now)
            return Response.csv(CSVText.write(header: CycleIndicators.csvHeader, rows: indicators.csvRows), named: "cycle-indicators.csv")
        }
        router.get(.cycle(.key, .fairness)) { _, context in
            pages.render(.fairness, FairnessView(try await evaluation(context).fairness(try context.parameters.id(of: "cycle"))), for: context)
        }
        router.get(.cycle(.key, .fairnessCSV)) { _, context in
            let audit = try await evaluation(context).fairness(try context.parameters.id(of: "cycle"))
            return Response.csv(CSVText.write(header: FairnessAudit.csvHeader, rows: audit.csvRows), named: "fairness-audit.csv")
        }
        router.get(.programmeDashboard(.key)) { _, context in
            let indicators = try await evaluation(context).programme(try context.parameters.id(of: "programme"), now: context.now)
            return pages.render(.programmeDashboard, ProgrammeDashboardView(indicators), for: context)
        }
        router.get(.programmeDashboardCSV(.key)) { _, context in
            let indicators = try await evaluation(context).programme(try context.parameters.id(of: "programme"), now: context.now)
            return Response.csv(CSVText.write(header: indicators.csvHeader, rows: indicators.csvRows), named: "programme-indicators.csv")
        }
    }

    private func evaluation(_ context: LodestarContext) throws -> Evaluation { Evaluation(store: store, principal: try context.signedIn()) }
}
