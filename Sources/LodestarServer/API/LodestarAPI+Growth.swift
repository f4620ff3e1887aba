import Foundation
import LodestarCore

/// `/api/v1/enrolments/{id}/growth` and `/api/v1/cycles/{id}/growth`: competency assessments and
/// growth — the pages' use cases.
extension LodestarAPI {
    func getGrowth(_ input: Operations.GetGrowth.Input) async throws -> Operations.GetGrowth.Output {
        .ok(.init(body: .json(GrowthBody(try await assessments().page(try Identifier(path: input.path.id, of: "mentee's growth"))))))
    }

    func assessGrowth(_ input: Operations.AssessGrowth.Input) async throws -> Operations.AssessGrowth.Output {
        let context = try APIRequest.current()
        let id: Enrolment.ID = try Identifier(path: input.path.id, of: "mentee's growth")
        let moment = try AssessmentMoment.parse(input.path.moment.rawValue, field: "moment")
        _ = try await assessments().page(id)
        let body = switch input.body { case .json(let json): try json.read() }
        let assessment = try await assessments().assess(id, moment: moment, ratings: body.ratings.mapValues(String.init), note: body.note ?? "", now: context.now)
        return .ok(.init(body: .json(AssessmentBody(assessment))))
    }

    func askLineManager(_ input: Operations.AskLineManager.Input) async throws -> Operations.AskLineManager.Output {
        let context = try APIRequest.current()
        let manager = try await assessments().askLineManager(try Identifier(path: input.path.id, of: "mentee's growth"), now: context.now, publicURL: publicURL)
        return .accepted(.init(body: .json(.init(lineManager: manager.name))))
    }

    func getCycleGrowth(_ input: Operations.GetCycleGrowth.Input) async throws -> Operations.GetCycleGrowth.Output {
        .ok(.init(body: .json(CohortGrowthBody(try await assessments().cohort(try Identifier(path: input.path.id, of: "cycle"))))))
    }

    private func assessments() throws -> Assessments { Assessments(store: store, principal: try APIRequest.principal()) }
}

/// One rater's assessment.
struct AssessmentBody: Encodable, Hashable, Sendable {
    let perspective: AssessmentPerspective
    let moment: AssessmentMoment
    let ratings: [String: Int]
    let note: String
    let givenAt: Date

    init(_ assessment: CompetencyAssessment) {
        perspective = assessment.perspective
        moment = assessment.moment
        ratings = assessment.ratings
        note = assessment.note
        givenAt = assessment.givenAt
    }
}

/// Ratings of a mentee's focus competencies.
struct AssessmentInput: Decodable, Sendable {
    let ratings: [String: Int]
    let note: String?
}

/// A mentee's growth as the caller may see it.
struct GrowthBody: Encodable, Hashable, Sendable {
    struct View: Encodable, Hashable, Sendable {
        let perspective: AssessmentPerspective
        let start: Int?
        let end: Int?
        let change: Int?
    }
    struct Line: Encodable, Hashable, Sendable {
        let competency: String
        let name: String
        let views: [View]
    }
    let menteeId: String
    let cycleId: String
    let perspective: AssessmentPerspective
    let openMoments: [AssessmentMoment]
    let mine: [AssessmentBody]
    let growth: [Line]

    init(_ reading: AssessmentReading) {
        menteeId = reading.mentee.id.description
        cycleId = reading.cycle.id.description
        perspective = reading.perspective
        openMoments = reading.openMoments
        mine = reading.mine.map(AssessmentBody.init)
        growth = reading.growth.lines.map { line in
            Line(competency: line.competency, name: line.name,
                 views: line.views.map { View(perspective: $0.perspective, start: $0.start, end: $0.end, change: $0.change) })
        }
    }
}

/// A cycle's growth: means of the mentees' own ratings, hidden below five mentees.
struct CohortGrowthBody: Encodable, Hashable, Sendable {
    struct Line: Encodable, Hashable, Sendable {
        let competency: String
        let name: String
        let hidden: Bool
        let mentees: Int?
        let start: Double?
        let end: Double?
        let change: Double?
    }
    let cycleId: String
    let minimumGroup: Int
    let lines: [Line]

    init(_ growth: CohortGrowth) {
        cycleId = growth.cycle.id.description
        minimumGroup = SmallGroups.minimum
        lines = growth.lines.map { Line(competency: $0.competency, name: $0.name, hidden: $0.mentees == nil, mentees: $0.mentees, start: $0.start, end: $0.end, change: $0.change) }
    }
}

