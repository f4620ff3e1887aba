import Foundation
import LodestarCore
import OpenAPIRuntime

/// `/api/v1/cycles/{id}/indicators` and `/api/v1/programmes/{id}/indicators`: the dashboards' figures.
extension LodestarAPI {
    func getCycleIndicators(_ input: Operations.GetCycleIndicators.Input) async throws -> Operations.GetCycleIndicators.Output {
        let indicators = try await evaluation().cycle(try Identifier(path: input.path.id, of: "cycle"), now: try APIRequest.current().now)
        return .ok(.init(body: .json(CycleIndicatorsBody(indicators))))
    }

    func getProgrammeIndicators(_ input: Operations.GetProgrammeIndicators.Input) async throws -> Operations.GetProgrammeIndicators.Output {
        let indicators = try await evaluation().programme(try Identifier(path: input.path.id, of: "programme"), now: try APIRequest.current().now)
        return .ok(.init(body: .json(ProgrammeIndicatorsBody(indicators))))
    }

    func getOrganisationIndicators(_ input: Operations.GetOrganisationIndicators.Input) async throws -> Operations.GetOrganisationIndicators.Output {
        .ok(.init(body: .json(OrganisationIndicatorsBody(try await evaluation().organisation(now: try APIRequest.current().now)))))
    }

    func getCycleReport(_ input: Operations.GetCycleReport.Input) async throws -> Operations.GetCycleReport.Output {
        let now = try APIRequest.current().now
        let report = ReportView(try await evaluation().cycle(try Identifier(path: input.path.id, of: "cycle"), now: now), now: now)
        return .ok(.init(headers: .init(contentDisposition: #"attachment; filename="cycle-report.pdf""#), body: .pdf(HTTPBody(ReportPDF.document(report)))))
    }

    func getProgrammeReport(_ input: Operations.GetProgrammeReport.Input) async throws -> Operations.GetProgrammeReport.Output {
        let now = try APIRequest.current().now, id: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        let report = ReportView(try await evaluation().programme(id, now: now),
                                lift: try await Outcomes(store: store, principal: try APIRequest.principal()).lift(of: id, now: now), now: now)
        return .ok(.init(headers: .init(contentDisposition: #"attachment; filename="programme-report.pdf""#), body: .pdf(HTTPBody(ReportPDF.document(report)))))
    }

    func getCycleFairness(_ input: Operations.GetCycleFairness.Input) async throws -> Operations.GetCycleFairness.Output {
        .ok(.init(body: .json(FairnessAuditBody(try await evaluation().fairness(try Identifier(path: input.path.id, of: "cycle"))))))
    }

    private func evaluation() throws -> Evaluation { Evaluation(store: store, principal: try APIRequest.principal()) }
}

/// A cycle's indicators as the API and `lodestar report --format json` write them.
public struct CycleIndicatorsBody: Encodable, Hashable, Sendable {
    struct Line: Encodable, Hashable, Sendable {
        let key: String
        let label: String
        let value: Double?
        let unit: String

        /// A figure that is not a finite number (none is, but JSON has no NaN) is left out, as one not yet measured.
        static func of(_ table: [Indicator]) -> [Line] {
            table.map { Line(key: $0.key, label: $0.label, value: $0.value.flatMap { $0.isFinite ? $0 : nil }, unit: $0.unit.rawValue) }
        }
    }
    struct Stage: Encodable, Hashable, Sendable {
        let stage: String
        let count: Int
    }
    struct Ending: Encodable, Hashable, Sendable {
        let reason: String
        let count: Int
    }
    struct Week: Encodable, Hashable, Sendable {
        let week: Int
        let starts: Date
        let meetings: Int
        let minutes: Int
        let meanPulse: Double?
        let pulses: Int
        let onTrack: Int
        let needsAttention: Int
        let atRisk: Int
        let ended: Int
    }
    struct Distribution: Encodable, Hashable, Sendable {
        struct Band: Encodable, Hashable, Sendable {
            let label: String
            let count: Int
        }
        let key: String
        let title: String
        let bands: [Band]
    }
    let cycleId: String
    let cycleName: String
    let state: String
    let indicators: [Line]
    let funnel: [Stage]
    let earlyEndings: [Ending]
    let scores: [Double]
    let weeks: [Week]
    let distributions: [Distribution]

    public init(_ indicators: CycleIndicators) {
        cycleId = indicators.cycle.id.description
        cycleName = indicators.cycle.name
        state = indicators.cycle.state.rawValue
        self.indicators = Line.of(indicators.table)
        funnel = indicators.funnel.map { Stage(stage: $0.stage, count: $0.count) }
        earlyEndings = indicators.earlyEndings.map { Ending(reason: $0.reason, count: $0.count) }
        scores = indicators.scores.filter(\.isFinite)
        weeks = indicators.weeks.map {
            Week(week: $0.number, starts: $0.starts, meetings: $0.meetings, minutes: $0.minutes, meanPulse: $0.meanPulse, pulses: $0.pulses,
                 onTrack: $0.onTrack, needsAttention: $0.needsAttention, atRisk: $0.atRisk, ended: $0.ended)
        }
        distributions = indicators.distributions.map { distribution in
            Distribution(key: distribution.key, title: distribution.title, bands: distribution.bands.map { Distribution.Band(label: $0.label, count: $0.count) })
        }
    }
}

/// A programme's cycles' indicators.
public struct ProgrammeIndicatorsBody: Encodable, Hashable, Sendable {
    let programmeId: String
    let programmeName: String
    let cycles: [CycleIndicatorsBody]

    public init(_ indicators: ProgrammeIndicators) {
        programmeId = indicators.programme.id.description
        programmeName = indicators.programme.name
        cycles = indicators.cycles.map(CycleIndicatorsBody.init)
    }
}

/// The organisation's indicators as the API and `lodestar report --organisation --format json` write them.
public struct OrganisationIndicatorsBody: Encodable, Hashable, Sendable {
    struct Programme: Encodable, Hashable, Sendable {
        let programmeId: String
        let programmeName: String
        let indicators: [CycleIndicatorsBody.Line]
    }
    let programmes: [Programme]
    let all: [CycleIndicatorsBody.Line]

    public init(_ indicators: OrganisationIndicators) {
        programmes = indicators.programmes.map { Programme(programmeId: $0.programme.id.description, programmeName: $0.programme.name, indicators: CycleIndicatorsBody.Line.of($0.totals.table)) }
        all = CycleIndicatorsBody.Line.of(indicators.all.table)
    }
}

/// A cycle's fairness audit as the API and `lodestar report --fairness --format json` write it.
public struct FairnessAuditBody: Encodable, Hashable, Sendable {
    struct Group: Encodable, Hashable, Sendable {
        let label: String
        let hidden: Bool
        let applicants: Int?, mentors: Int?, mentees: Int?, matched: Int?
        let meanScore: Double?, lowestScore: Double?, meanPulse: Double?
        let pulses: Int?, endedEarly: Int?
        let medianDaysToMatch: Double?
    }
    struct Dimension: Encodable, Hashable, Sendable {
        let name: String
        let groups: [Group]
    }
    let cycleId: String
    let minimumGroup: Int
    let dimensions: [Dimension]
    let priority: PriorityEffectBody?

    public init(_ audit: FairnessAudit) {
        cycleId = audit.cycle.id.description
        priority = audit.priority.map(PriorityEffectBody.init)
        minimumGroup = SmallGroups.minimum
        dimensions = audit.dimensions.map { dimension in
            Dimension(name: dimension.name, groups: dimension.groups.map { group in
                let figures = group.figures
                return Group(label: group.label, hidden: group.hidden, applicants: figures?.applicants, mentors: figures?.mentors, mentees: figures?.mentees,
                             matched: figures?.matched, meanScore: figures?.meanScore, lowestScore: figures?.lowestScore, meanPulse: figures?.meanPulse,
                             pulses: figures?.pulses, endedEarly: figures?.endedEarly, medianDaysToMatch: figures?.medianDaysToMatch)
            })
        }
    }
}
