import Foundation
import LodestarCore
import OpenAPIRuntime

/// `/api/v1/succession` and `/api/v1/people/{id}/high-potential`: the pipeline, and flags.
extension LodestarAPI {
    func getSuccession(_ input: Operations.GetSuccession.Input) async throws -> Operations.GetSuccession.Output {
        .ok(.init(body: .json(SuccessionBody(try await Succession(store: store, principal: try APIRequest.principal()).pipeline()))))
    }

    func setHighPotential(_ input: Operations.SetHighPotential.Input) async throws -> Operations.SetHighPotential.Output {
        let principal = try APIRequest.principal()
        // Access first: the body of someone who may not flag is not read.
        try principal.requireManagement("flagging high potentials")
        let succession = Succession(store: store, principal: principal)
        let person: Person.ID = try Identifier(path: input.path.id, of: "person")
        let body = switch input.body { case .json(let json): try json.read() }
        let now = try APIRequest.current().now
        if body.highPotential {
            let flag = try await succession.flag(person, now: now)
            return .ok(.init(body: .json(HighPotentialStateBody(personId: person.description, highPotential: true, flaggedBy: flag.flagged.by, flaggedAt: flag.flagged.at))))
        }
        try await succession.unflag(person, now: now)
        return .ok(.init(body: .json(HighPotentialStateBody(personId: person.description, highPotential: false, flaggedBy: nil, flaggedAt: nil))))
    }
}

struct HighPotentialInput: Decodable, Sendable { let highPotential: Bool }

struct HighPotentialStateBody: Encodable, Hashable, Sendable {
    let personId: String
    let highPotential: Bool
    let flaggedBy: String?
    let flaggedAt: Date?
}

/// The succession pipeline as the API and `lodestar succession --format json` write it.
public struct SuccessionBody: Encodable, Hashable, Sendable {
    struct Flagged: Encodable, Hashable, Sendable {
        let personId: String, externalId: String, name: String, department: String
        let level: Int
        let flaggedBy: String
        let flaggedAt: Date
        let inProgramme: Bool
    }
    struct Line: Encodable, Hashable, Sendable {
        let competency: String, name: String
        let assessed: Int
        let readyNow: Int?, readySoon: Int?, developing: Int?
    }
    let minimumGroup: Int
    let highPotentials: [Flagged]
    let pipeline: [Line]

    public init(_ pipeline: SuccessionPipeline) {
        minimumGroup = SmallGroups.minimum
        highPotentials = pipeline.highPotentials.map {
            Flagged(personId: $0.person.id.description, externalId: $0.person.externalID, name: $0.person.name, department: $0.person.department,
                    level: $0.person.level, flaggedBy: $0.flagged.by, flaggedAt: $0.flagged.at, inProgramme: $0.inProgramme)
        }
        self.pipeline = pipeline.lines.map { line in
            Line(competency: line.competency.slug, name: line.competency.name, assessed: line.assessed,
                 readyNow: line.bands[.readyNow] ?? nil, readySoon: line.bands[.readySoon] ?? nil, developing: line.bands[.developing] ?? nil)
        }
    }
}
