import Foundation
import LodestarCore

/// `/api/v1/programmes/{id}/readiness` and `/api/v1/readiness-threshold`: the readiness check
/// (PRODUCT.md M2), its history, and the organisation's threshold — the pages' use case.
extension LodestarAPI {
    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        let id: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        return .ok(.init(body: .json(ReadinessBody(try await readiness(try APIRequest.current()).report(of: id)))))
    }

    func answerReadiness(_ input: Operations.AnswerReadiness.Input) async throws -> Operations.AnswerReadiness.Output {
        let context = try APIRequest.current()
        let id: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        // Access first, so the body of a refused request is never read.
        _ = try await store.programme(id, managedBy: try context.signedIn(), "answering a programme's readiness check")
        let body = switch input.body { case .json(let json): try json.read() }
        let entries = body.answers.map { ReadinessReview.Entry(question: $0.question, level: $0.answer.rawValue, note: $0.note ?? "") }
        return .ok(.init(body: .json(ReadinessBody(try await readiness(context).answer(entries, for: id, now: context.now)))))
    }

    func listReadinessAnswers(_ input: Operations.ListReadinessAnswers.Input) async throws -> Operations.ListReadinessAnswers.Output {
        let id: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        let page = try await readiness(try APIRequest.current()).history(of: id, page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, ReadinessAnswerBody.init))))
    }

    func listReadinessOverrides(_ input: Operations.ListReadinessOverrides.Input) async throws -> Operations.ListReadinessOverrides.Output {
        let id: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        let page = try await readiness(try APIRequest.current()).overrides(of: id, page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, ChangeBody.init))))
    }

    func getReadinessThreshold(_ input: Operations.GetReadinessThreshold.Input) async throws -> Operations.GetReadinessThreshold.Output {
        .ok(.init(body: .json(ThresholdBody(threshold: try await readiness(try APIRequest.current()).threshold().percent))))
    }

    func setReadinessThreshold(_ input: Operations.SetReadinessThreshold.Input) async throws -> Operations.SetReadinessThreshold.Output {
        let context = try APIRequest.current()
        try context.signedIn().requireAdmin("setting the readiness threshold")
        let body = switch input.body { case .json(let json): try json.read() }
        return .ok(.init(body: .json(ThresholdBody(threshold: try await readiness(context).setThreshold(body.threshold, now: context.now).percent))))
    }

    private func readiness(_ context: LodestarContext) throws -> ReadinessReview {
        ReadinessReview(store: store, principal: try context.signedIn())
    }
}

/// The readiness report as the API shows it.
struct ReadinessBody: Encodable, Hashable, Sendable {
    struct Question: Encodable, Hashable, Sendable {
        let id: String
        let text: String
        let action: String
        let answer: ReadinessLevel?
        let note: String?
        let answeredBy: String?
        let answeredAt: Date?
    }

    struct Dimension: Encodable, Hashable, Sendable {
        let dimension: ReadinessDimension
        let score: Int
        let reachesThreshold: Bool
        let questions: [Question]
    }

    let programmeId: String
    let overall: Int
    let threshold: Int
    let ready: Bool
    let answered: Int
    let dimensions: [Dimension]
    /// The questions not answered "yes", by id.
    let gaps: [String]

    init(_ report: ReadinessReport) {
        programmeId = report.programme.description
        overall = report.overall
        threshold = report.threshold.percent
        ready = report.isReady
        answered = report.answered
        dimensions = report.dimensions.map { dimension in
            Dimension(dimension: dimension.dimension, score: dimension.score, reachesThreshold: dimension.reachesThreshold, questions: dimension.items.map {
                Question(id: $0.question.id, text: $0.question.text, action: $0.question.action, answer: $0.answer?.level,
                         note: $0.answer?.note, answeredBy: $0.answer?.attribution.by, answeredAt: $0.answer?.attribution.at)
            })
        }
        gaps = report.gaps.map(\.question.id)
    }
}

/// One answer of the history.
struct ReadinessAnswerBody: Encodable, Hashable, Sendable {
    let question: String
    let answer: ReadinessLevel
    let note: String
    let by: String
    let at: Date

    init(_ answer: ReadinessAnswer) {
        question = answer.question
        self.answer = answer.level
        note = answer.note
        by = answer.attribution.by
        at = answer.attribution.at
    }
}

/// Answers to record: the questions not named stay as they are.
struct ReadinessInput: Decodable, Sendable {
    struct Entry: Decodable, Sendable {
        let question: String
        let answer: ReadinessLevel
        let note: String?
    }
    let answers: [Entry]
}

/// The organisation's readiness threshold, a percentage.
struct ThresholdBody: Codable, Hashable, Sendable {
    let threshold: Int
}
