import Foundation
import Hummingbird
import LodestarCore

/// Evaluation in the browser: a cycle's dashboard and a programme's, each downloadable as CSV
/// (formula-safe) — the use case the API and `lodestar report` read.
struct DashboardPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let reads: ReadCache

    func register(on router: Router<LodestarContext>) {
        router.get(.cycle(.key, .dashboard)) { _, context in
            let indicators = try await indicators(ofCycle: try context.parameters.id(of: "cycle"), context)
            return pages.render(.dashboard, CycleDashboardView(indicators), for: context)
        }
        // A cycle's tables, each as CSV: the indicators, the weeks, the distributions.
        let tables: [(SiteURL.CyclePart, [String], @Sendable (CycleIndicators) -> [[String]], String)] = [
            (.dashboardCSV, CycleIndicators.csvHeader, \.csvRows, "cycle-indicators.csv"),
            (.weeksCSV, CycleIndicators.weeksCSVHeader, \.weeksCSVRows, "cycle-weeks.csv"),
            (.distributionsCSV, CycleIndicators.distributionsCSVHeader, \.distributionsCSVRows, "cycle-distributions.csv"),
        ]
        for (page, header, rows, name) in tables {
            router.get(.cycle(.key, page)) { _, context in
                let indicators = try await indicators(ofCycle: try context.parameters.id(of: "cycle"), context)
                return Response.csv(CSVText.write(header: header, rows: rows(indicators)), named: name)
            }
        }
        router.get(.cycle(.key, .fairness)) { _, context in
            pages.render(.fairness, FairnessView(try await evaluation(context).fairness(try context.parameters.id(of: "cycle"))), for: context)
        }
        router.get(.cycle(.key, .fairnessCSV)) { _, context in
            let audit = try await evaluation(context).fairness(try context.parameters.id(of: "cycle"))
            return Response.csv(CSVText.write(header: FairnessAudit.csvHeader, rows: audit.csvRows), named: "fairness-audit.csv")
        }
        router.get(.organisationDashboard) { _, context in
            pages.render(.organisationDashboard, OrganisationDashboardView(try await indicators(context)), for: context)
        }
        router.get(.organisationDashboardCSV) { _, context in
            let indicators = try await indicators(context)
            return Response.csv(CSVText.write(header: indicators.csvHeader, rows: indicators.csvRows), named: "organisation-indicators.csv")
        }
        router.get(.cycle(.key, .report)) { _, context in
            let id: Cycle.ID = try context.parameters.id(of: "cycle")
            var report = ReportView(try await indicators(ofCycle: id, context), now: context.now)
            report.links = [Crumb("Back to the dashboard", SiteURL.cycle(.value(id), .dashboard).path), Crumb("Download as PDF", SiteURL.cycle(.value(id), .reportPDF).path)]
            return pages.render(.report, report, for: context)
        }
        router.get(.cycle(.key, .reportPDF)) { _, context in
            let report = ReportView(try await indicators(ofCycle: try context.parameters.id(of: "cycle"), context), now: context.now)
            return Response.pdf(ReportPDF.document(report), named: "cycle-report.pdf")
        }
        router.get(.programmeReport(.key)) { _, context in
            let id: Programme.ID = try context.parameters.id(of: "programme")
            var report = try await programmeReport(id, context)
            report.links = [Crumb("Back to the dashboard", SiteURL.programmeDashboard(.value(id)).path), Crumb("Download as PDF", SiteURL.programmeReportPDF(.value(id)).path)]
            return pages.render(.report, report, for: context)
        }
        router.get(.programmeReportPDF(.key)) { _, context in
            Response.pdf(ReportPDF.document(try await programmeReport(try context.parameters.id(of: "programme"), context)), named: "programme-report.pdf")
        }
        router.get(.programmeDashboard(.key)) { _, context in
            let indicators = try await indicators(ofProgramme: try context.parameters.id(of: "programme"), context)
            return pages.render(.programmeDashboard, ProgrammeDashboardView(indicators), for: context)
        }
        router.get(.programmeDashboardCSV(.key)) { _, context in
            let indicators = try await indicators(ofProgramme: try context.parameters.id(of: "programme"), context)
            return Response.csv(CSVText.write(header: indicators.csvHeader, rows: indicators.csvRows), named: "programme-indicators.csv")
        }
    }

    private func evaluation(_ context: LodestarContext) throws -> Evaluation { Evaluation(store: store, principal: try context.signedIn()) }

    // The indicators of a cycle, a programme and the organisation, each read once while nothing is
    // written: a dashboard, its CSV files and its report share them.

    private func indicators(ofCycle id: Cycle.ID, _ context: LodestarContext) async throws -> CycleIndicators {
        try await reads.value("cycle-indicators", of: "\(id)", for: try context.signedIn(), at: context.now, revision: context.revision) { try await evaluation(context).cycle(id, now: context.now) }
    }

    private func indicators(ofProgramme id: Programme.ID, _ context: LodestarContext) async throws -> ProgrammeIndicators {
        try await reads.value("programme-indicators", of: "\(id)", for: try context.signedIn(), at: context.now, revision: context.revision) {
            try await evaluation(context).programme(id, now: context.now)
        }
    }

    private func indicators(_ context: LodestarContext) async throws -> OrganisationIndicators {
        try await reads.value("organisation-indicators", of: "", for: try context.signedIn(), at: context.now, revision: context.revision) { try await evaluation(context).organisation(now: context.now) }
    }

    private func programmeReport(_ id: Programme.ID, _ context: LodestarContext) async throws -> ReportView {
        let indicators = try await indicators(ofProgramme: id, context)
        let lift = try await Outcomes(store: store, principal: try context.signedIn()).lift(of: id, now: context.now)
        return ReportView(indicators, lift: lift, now: context.now)
    }
}
