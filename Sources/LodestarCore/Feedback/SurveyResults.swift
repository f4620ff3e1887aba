import Foundation

/// Confidentiality of results: a group of fewer than `minimum` respondents is never shown, and
/// neither is any group whose figures the total and the shown groups would give away.
public enum SmallGroups {
    /// The fewest respondents a shown group has.
    public static let minimum = 5

    /// The groups of one breakdown (respondents per group, together the whole) that stay
    /// hidden: each with 1 to `minimum − 1` respondents; then, because the whole minus the shown
    /// groups equals the hidden ones together, the smallest shown groups too until the hidden
    /// ones together are at least `minimum` — or every group, when they can't be.
    public static func hidden(_ counts: [Int]) -> Set<Int> {
        var hidden = Set(counts.indices.filter { counts[$0] > 0 && counts[$0] < minimum })
        var together = hidden.reduce(0) { $0 + counts[$1] }
        let shown = counts.indices.filter { counts[$0] > 0 && !hidden.contains($0) }.sorted { counts[$0] < counts[$1] }
        for index in shown where together > 0 && together < minimum {
            hidden.insert(index)
            together += counts[index]
        }
        return hidden
    }
}

/// A survey's results as its programme's managers read them: never one person's answers, only
/// groups' figures, small groups hidden; free-text answers with their author's name only where
/// the author allowed it.
public struct SurveyResults: Sendable {
    /// % promoters (9–10) minus % detractors (0–6) of 0–10 answers, −100…100; nil for none.
    public static func netPromoterScore(_ answers: [Int]) -> Double? {
        guard !answers.isEmpty else { return nil }
        return 100 * Double(answers.filter { $0 >= 9 }.count - answers.filter { $0 <= 6 }.count) / Double(answers.count)
    }

    public let survey: Survey
    public let template: SurveyTemplate
    public let cycle: Cycle
    public let programme: Programme
    public let state: SurveyState
    public let window: DateInterval?
    /// How many were asked, and how many answered.
    public let invited: Int
    public let responded: Int
    /// Everyone, then by role, then by department.
    public let breakdowns: [Breakdown]
    /// Free-text answers that may be shown: those their authors named, and — when the whole
    /// is not a small group — the others, without a name, in no telling order.
    public let comments: [Comment]

    /// One way of splitting the respondents.
    public struct Breakdown: Sendable {
        public let name: String
        public let groups: [Group]
    }

    /// One group's figures; none (and no count) when hidden.
    public struct Group: Sendable {
        public let label: String
        /// Nil when hidden.
        public let respondents: Int?
        public let questions: [QuestionFigures]
        public var hidden: Bool { respondents == nil }
    }

    /// One question's figures in a group.
    public struct QuestionFigures: Sendable {
        public let index: Int
        public let question: SurveyQuestion
        public let answered: Int
        /// Scale and NPS: the mean answer.
        public let mean: Double?
        /// How many chose each value (scale 1…5, NPS 0…10) or each option.
        public let counts: [(label: String, count: Int)]
        /// NPS: % promoters (9–10) minus % detractors (0–6), −100…100.
        public let netPromoterScore: Int?
    }

    public struct Comment: Sendable {
        public let question: SurveyQuestion
        public let text: String
        /// Nil unless its author allowed their name to be shown.
        public let name: String?
    }
}

extension SurveyResults {
    /// The results of `responses` to `survey` (nil while it is open: no figures), each
    /// respondent's department from `people`; `responded` is how many answered.
    init(survey: Survey, template: SurveyTemplate, cycle: Cycle, programme: Programme, state: SurveyState, window: DateInterval?,
         invited: Int, responded: Int, responses: [SurveyResponse]?, people: [Person.ID: Person]) {
        self.survey = survey
        self.template = template
        self.cycle = cycle
        self.programme = programme
        self.state = state
        self.window = window
        self.invited = invited
        self.responded = responded
        guard let responses else {
            (breakdowns, comments) = ([], [])
            return
        }
        func breakdown(_ name: String, _ groups: [(label: String, responses: [SurveyResponse])]) -> Breakdown {
            let hidden = SmallGroups.hidden(groups.map(\.responses.count))
            return Breakdown(name: name, groups: groups.enumerated().map { index, group in
                hidden.contains(index) ? Group(label: group.label, respondents: nil, questions: [])
                    : Group(label: group.label, respondents: group.responses.count, questions: Self.figures(template.questions, group.responses))
            })
        }
        // The whole is itself a group: below the minimum nothing is shown.
        let everyone = breakdown("Everyone", [("All respondents", responses)])
        let roles = template.audience.count > 1
            ? [breakdown("By role", template.audience.map { role in (role.rawValue.capitalized + "s", responses.filter { $0.role == role }) })] : []
        let departments = Dictionary(grouping: responses) { people[$0.personID]?.department ?? "" }
        let byDepartment = departments.count > 1
            ? [breakdown("By department", departments.keys.sorted().map { ($0.isEmpty ? "No department" : $0, departments[$0] ?? []) })] : []
        breakdowns = [everyone] + roles + byDepartment
        let large = !SmallGroups.hidden([responses.count]).contains(0) && !responses.isEmpty
        comments = template.questions.indices.filter { template.questions[$0].kind == .text }.flatMap { index in
            responses.compactMap { response -> Comment? in
                guard index < response.answers.count, case .text(let text) = response.answers[index] else { return nil }
                if response.named { return Comment(question: template.questions[index], text: text, name: people[response.personID]?.name) }
                return large ? Comment(question: template.questions[index], text: text, name: nil) : nil
            }
        }.sorted { ($0.name ?? "~", $0.text) < ($1.name ?? "~", $1.text) }
    }

    private static func figures(_ questions: [SurveyQuestion], _ responses: [SurveyResponse]) -> [QuestionFigures] {
        questions.enumerated().compactMap { index, question in
            let answers = responses.compactMap { index < $0.answers.count ? $0.answers[index] : nil }
            var numbers: [Int] = [], chosen: [Int] = []
            for answer in answers {
                switch answer {
                case .number(let value): numbers.append(value); chosen.append(value)
                case .choices(let values): chosen.append(contentsOf: values)
                case .text, .none: break
                }
            }
            switch question.kind {
            case .text: return nil
            case .scale, .nps:
                guard let range = question.kind.range else { return nil }
                let counts = range.map { value in (String(value), numbers.filter { $0 == value }.count) }
                let mean = numbers.isEmpty ? nil : Double(numbers.reduce(0, +)) / Double(numbers.count)
                var score: Int?
                if question.kind == .nps { score = SurveyResults.netPromoterScore(numbers).map { Int($0.rounded()) } }
                return QuestionFigures(index: index, question: question, answered: numbers.count, mean: mean, counts: counts, netPromoterScore: score)
            case .single, .multiple:
                let counts = question.options.enumerated().map { option in (option.element, chosen.filter { $0 == option.offset }.count) }
                let answered = answers.filter { if case .none = $0 { false } else { true } }.count
                return QuestionFigures(index: index, question: question, answered: answered, mean: nil, counts: counts, netPromoterScore: nil)
            }
        }
    }

    /// The results as CSV rows — breakdown, group, respondents, question, measure, value — with
    /// hidden groups written as hidden and nothing else, then the comments that may be shown.
    public var csvRows: [[String]] {
        var rows: [[String]] = []
        for breakdown in breakdowns {
            for group in breakdown.groups {
                guard let respondents = group.respondents else {
                    rows.append([breakdown.name, group.label, "hidden (fewer than \(SmallGroups.minimum) or would reveal a smaller group)", "", "", ""])
                    continue
                }
                for figures in group.questions {
                    let row = { (measure: String, value: String) in [breakdown.name, group.label, String(respondents), figures.question.text, measure, value] }
                    rows.append(row("answered", String(figures.answered)))
                    if let mean = figures.mean { rows.append(row("mean", mean.written(decimals: 2))) }
                    if let score = figures.netPromoterScore { rows.append(row("net promoter score", String(score))) }
                    for count in figures.counts { rows.append(row(count.label, String(count.count))) }
                }
            }
        }
        for comment in comments { rows.append(["Comments", comment.name ?? "(not named)", "", comment.question.text, "comment", comment.text]) }
        return rows
    }

    /// The header of `csvRows`.
    public static let csvHeader = ["breakdown", "group", "respondents", "question", "measure", "value"]
}
