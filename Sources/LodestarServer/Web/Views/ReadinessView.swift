import Foundation
import LodestarCore

/// The readiness scores in a line of figures, as the programme, cycle and readiness pages show them.
struct ReadinessSummary {
    struct Score { let title: String; let score: Int; let reaches: Bool }

    let overall: Int
    let threshold: Int
    let dimensions: [Score]
    let ready: Bool
    /// "Ready: every dimension reaches 75 %." or what falls short.
    let verdict: String
    let href: String

    init(_ report: ReadinessReport) {
        overall = report.overall
        threshold = report.threshold.percent
        dimensions = report.dimensions.map { Score(title: $0.dimension.title, score: $0.score, reaches: $0.reachesThreshold) }
        ready = report.isReady
        verdict = report.isReady
            ? "Ready: every dimension reaches \(report.threshold.percent) %."
            : "Not ready: \(report.shortfall) — below the threshold of \(report.threshold.percent) %. A cycle leaves draft once every dimension reaches it, or with a recorded reason."
        href = SiteURL.readiness(.value(report.programme)).path
    }
}

/// A programme's readiness check: the scores, the gaps with what to do, the questions to
/// answer, the history of answers and overrides and, for admins, the organisation's threshold.
struct ReadinessView {
    struct Level { let value: String; let checked: Bool }
    struct Question {
        let id: String
        let text: String
        let levels: [Level]
        let note: String
        /// "yes, by Hannah Oliveira <…>, 1 Dec 2026, 10:00", once answered.
        let answered: String?
    }
    struct Dimension { let title: String; let scope: String; let items: [Question] }
    struct Gap { let question: String; let answer: String; let action: String }
    struct Answer { let question: String; let level: String; let note: String?; let by: String; let at: String }

    let title: String
    let crumbs: [Crumb]
    let programmeName: String
    let summary: ReadinessSummary
    let gaps: [Gap]
    let dimensions: [Dimension]
    let history: [Answer]
    let historyPaging: Paging
    let overrides: [ChangeLine]
    /// For admins: the form that sets the organisation's threshold.
    let thresholdForm: ThresholdForm?
    struct ThresholdForm { let href: String; let programme: String; let value: String }
    let formHref: String
    let csrf: String
    let problem: String?

    init(_ sheet: ReadinessReview.Sheet, for principal: Principal, csrf: String, problem: String? = nil, entered: [String: String] = [:],
         threshold: String? = nil) {
        let (report, programme, history, overrides) = (sheet.report, sheet.programme, sheet.history, sheet.overrides)
        let zone = principal.readingZone
        title = "Readiness · \(programme.name)"
        crumbs = [Crumb("Programmes", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path)]
        programmeName = programme.name
        summary = ReadinessSummary(report)
        gaps = report.gaps.map { Gap(question: $0.question.text, answer: $0.answer?.level.rawValue ?? "not answered", action: $0.question.action) }
        dimensions = report.dimensions.map { dimension in
            Dimension(title: dimension.dimension.title, scope: dimension.dimension.scope, items: dimension.items.map { item in
                let id = item.question.id
                let level = entered["level.\(id)"] ?? item.answer?.level.rawValue
                return Question(id: id, text: item.question.text,
                                levels: ReadinessLevel.allCases.map { Level(value: $0.rawValue, checked: $0.rawValue == level) },
                                note: entered["note.\(id)"] ?? item.answer?.note ?? "",
                                answered: item.answer.map { "\($0.level.rawValue), \($0.attribution.described(in: zone))" })
            })
        }
        let questions = Dictionary(uniqueKeysWithValues: ReadinessQuestion.all.map { ($0.id, $0.text) })
        self.history = history.items.map {
            Answer(question: questions[$0.question] ?? $0.question, level: $0.level.rawValue, note: $0.note.isEmpty ? nil : $0.note, by: $0.attribution.by, at: $0.attribution.at.moment(in: zone))
        }
        historyPaging = Paging(history, path: SiteURL.readiness(.value(programme.id)).path, query: [:])
        self.overrides = overrides.map { ChangeLine($0, in: zone) }
        thresholdForm = principal.isAdmin
            ? ThresholdForm(href: SiteURL.readinessThreshold.path, programme: programme.id.description, value: threshold ?? String(report.threshold.percent))
            : nil
        formHref = SiteURL.readiness(.value(programme.id)).path
        self.csrf = csrf
        self.problem = problem
    }
}
