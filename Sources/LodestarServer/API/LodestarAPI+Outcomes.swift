import Foundation
import LodestarCore
import OpenAPIRuntime

/// `/api/v1/outcomes` and `/api/v1/programmes/{id}/outcome-lift`: HR outcomes in, a programme's lift out.
extension LodestarAPI {
    func importOutcomes(_ input: Operations.ImportOutcomes.Input) async throws -> Operations.ImportOutcomes.Output {
        try APIRequest.principal().requireAdmin("importing HR outcomes")
        let items = switch input.body { case .json(let json): try json.read() }
        let summary = try await ItemIssues.naming(Self.outcomeFields) {
            try await outcomes().importItems(items.map(\.columns), now: try APIRequest.current().now)
        }
        return .ok(.init(body: .json(OutcomeImportSummaryBody(created: summary.created, replaced: summary.replaced))))
    }

    func getOutcomeRecord(_ input: Operations.GetOutcomeRecord.Input) async throws -> Operations.GetOutcomeRecord.Output {
        .ok(.init(body: .json(OutcomeRecordBody(try await outcomes().record()))))
    }

    func getProgrammeOutcomeLift(_ input: Operations.GetProgrammeOutcomeLift.Input) async throws -> Operations.GetProgrammeOutcomeLift.Output {
        let lift = try await outcomes().lift(of: try Identifier(path: input.path.id, of: "programme"), now: try APIRequest.current().now)
        return .ok(.init(body: .json(OutcomeLiftBody(lift))))
    }

    private func outcomes() throws -> Outcomes { Outcomes(store: store, principal: try APIRequest.principal()) }

    /// The outcomes file's columns as the API's fields.
    static let outcomeFields = ["person_id": "personExternalId", "hired_on": "hiredOn", "left_on": "leftOn", "promoted_on": "promotedOn", "rating": "rating"]
}

/// One person's HR outcomes as the API takes them.
struct OutcomeImportItem: Decodable, Sendable {
    let personExternalId: String
    let hiredOn: String?
    let leftOn: String?
    let promotedOn: String?
    let rating: Int?

    /// The item keyed by the file's column names, to be checked by the file's rules.
    var columns: [String: String] {
        ["person_id": personExternalId, "hired_on": hiredOn ?? "", "left_on": leftOn ?? "", "promoted_on": promotedOn ?? "",
         "rating": rating.map(String.init) ?? ""]
    }
}

struct OutcomeImportSummaryBody: Encodable, Hashable, Sendable {
    let created: Int
    let replaced: Int
}

struct OutcomeRecordBody: Encodable, Hashable, Sendable {
    let people: Int
    let importedBy: String?
    let importedAt: Date?

    init(_ record: OutcomeImportRecord) {
        people = record.people
        importedBy = record.imported?.by
        importedAt = record.imported?.at
    }
}

/// A programme's outcome lift as the API and `lodestar report --lift --format json` write it.
public struct OutcomeLiftBody: Encodable, Hashable, Sendable {
    struct Cohort: Encodable, Hashable, Sendable {
        let cycleId: String
        let cycleName: String
        let start: String
        let mentees: Int
    }
    struct Measure: Encodable, Hashable, Sendable {
        let outcome: String
        let enoughData: Bool
        let participants: Int
        let comparison: Int
        let participantRate: Double?, comparisonRate: Double?, difference: Double?, low: Double?, high: Double?
    }
    let programmeId: String
    let minimumGroup: Int
    let windowDays: Int
    let mentees: Int
    let withoutRecord: Int
    let withoutComparison: Int
    let cohorts: [Cohort]
    let measures: [Measure]
    let method: String

    public init(_ lift: ProgrammeLift) {
        programmeId = lift.programme.id.description
        minimumGroup = OutcomeLift.minimumGroup
        windowDays = Int(OutcomeLift.window / 86_400)
        mentees = lift.lift.mentees
        withoutRecord = lift.lift.withoutRecord
        withoutComparison = lift.lift.withoutComparison
        cohorts = lift.cohorts.map { Cohort(cycleId: $0.cycle.id.description, cycleName: $0.cycle.name, start: CalendarDay.text($0.start), mentees: $0.mentees) }
        measures = lift.lift.findings.map { outcome, finding in
            switch finding {
            case .measured(let m):
                Measure(outcome: outcome.rawValue, enoughData: true, participants: m.participants, comparison: m.comparison, participantRate: m.participantRate,
                        comparisonRate: m.comparisonRate, difference: m.difference, low: m.low, high: m.high)
            case .notEnoughData(let participants, let comparison):
                Measure(outcome: outcome.rawValue, enoughData: false, participants: participants, comparison: comparison, participantRate: nil,
                        comparisonRate: nil, difference: nil, low: nil, high: nil)
            }
        }
        method = OutcomeLift.method
    }
}
