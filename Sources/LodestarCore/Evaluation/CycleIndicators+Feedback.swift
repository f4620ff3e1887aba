import Foundation

extension CycleIndicators {
    /// What people said of a cycle: its closed surveys' answers and the competency ratings.
    struct Feedback {
        /// Each closed survey's questions and responses.
        let surveys: [(questions: [SurveyQuestion], responses: [SurveyResponse])]
        /// The mentees' own and their line managers' ratings.
        let assessments: [CompetencyAssessment]

        /// How many answers to the scale questions (1–5) of the surveys answered by five or more
        /// gave each value, 1 first.
        var satisfactionAnswers: [Int] { CycleIndicators.counts(of: shownSurveys.flatMap { numbers($0.questions, $0.responses, of: .scale) }) }

        /// % promoters (9–10) minus % detractors (0–6) over the 0–10 answers of those surveys, from five answers up.
        var netPromoterScore: Double? {
            let answers = shownSurveys.flatMap { numbers($0.questions, $0.responses, of: .nps) }
            return answers.count >= SmallGroups.minimum ? SurveyResults.netPromoterScore(answers) : nil
        }

        /// Each mentee's mean change, start to end, of their focus competencies as `perspective`
        /// rated them — the mentees rated at both moments, in order of the change (never of the
        /// mentee), none under five.
        func growth(_ perspective: AssessmentPerspective) -> [Double] {
            let rated = assessments.filter { $0.perspective == perspective }
            func latest(_ moment: AssessmentMoment) -> [Person.ID: CompetencyAssessment] {
                Dictionary(rated.filter { $0.moment == moment }.map { ($0.menteeID, $0) }) { $0.givenAt >= $1.givenAt ? $0 : $1 }
            }
            let (start, end) = (latest(.start), latest(.end))
            let changes: [Double] = end.compactMap { mentee, last in
                guard let first = start[mentee] else { return nil }
                let both = Set(first.ratings.keys).intersection(last.ratings.keys)
                guard !both.isEmpty else { return nil }
                return both.reduce(0.0) { $0 + Double((last.ratings[$1] ?? 0) - (first.ratings[$1] ?? 0)) } / Double(both.count)
            }
            return changes.count >= SmallGroups.minimum ? changes.sorted() : []
        }

        /// The surveys with enough respondents to show, as their results do.
        private var shownSurveys: [(questions: [SurveyQuestion], responses: [SurveyResponse])] {
            surveys.filter { $0.responses.count >= SmallGroups.minimum }
        }

        private func numbers(_ questions: [SurveyQuestion], _ responses: [SurveyResponse], of kind: SurveyQuestionKind) -> [Int] {
            responses.flatMap { response in
                zip(questions, response.answers).compactMap { question, answer in
                    guard question.kind == kind, case .number(let value) = answer, kind.range?.contains(value) == true else { return nil }
                    return value
                }
            }
        }
    }
}
