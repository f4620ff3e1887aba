import Foundation

extension CycleIndicators {
    /// How many fell in each band of one figure: the data of a dashboard's distribution chart.
    public struct Distribution: Sendable, Equatable {
        /// Stable, for the API and the CSV: scores, survey-answers, pulses, growth-self, growth-line-manager.
        public let key: String
        public let title: String
        public let bands: [Band]

        public struct Band: Sendable, Equatable {
            public let label: String
            public let count: Int
        }
    }

    /// The distributions of the match scores (while there are any) and of what people said.
    public var distributions: [Distribution] { (scores.isEmpty ? [] : [scoreDistribution]) + feedbackDistributions }

    /// The distributions of the survey answers, the pulses and the competency growth; each left
    /// out while fewer than five were counted.
    public var feedbackDistributions: [Distribution] {
        func counted(_ key: String, _ title: String, _ bands: [(label: String, count: Int)]) -> Distribution? {
            bands.reduce(0) { $0 + $1.count } >= SmallGroups.minimum ? Distribution(key: key, title: title, bands: bands.map { Distribution.Band(label: $0.label, count: $0.count) }) : nil
        }
        func scale(_ counts: [Int]) -> [(label: String, count: Int)] { (1...5).reversed().map { ("\($0) of 5", counts.indices.contains($0 - 1) ? counts[$0 - 1] : 0) } }
        return [
            counted("survey-answers", "Satisfaction: the surveys' answers on a scale of 1 to 5", scale(surveyAnswers)),
            counted("pulses", "How meetings felt: the pulses given, 1 to 5", scale(pulseRatings)),
            counted("growth-self", "Competency growth by the mentees' own ratings, a mentee each", Self.growthBands(selfGrowthChanges)),
            counted("growth-line-manager", "Competency growth by their line managers' ratings, a mentee each", Self.growthBands(lineManagerGrowthChanges)),
        ].compactMap { $0 }
    }

    /// The relationships' match scores in bands of ten points, the best first (every band, also with none).
    public var scoreDistribution: Distribution {
        Distribution(key: "scores", title: "Match scores of the relationships",
                     bands: Self.scoreBands(scores).map { Distribution.Band(label: $0.label, count: $0.count) })
    }

    /// Scores counted in bands of ten points, the best first (100 counts in the top band).
    public static func scoreBands(_ scores: [Double]) -> [(label: String, count: Int)] {
        var counts = [Int](repeating: 0, count: 10)
        for score in scores where score.isFinite && score >= 0 { counts[min(9, Int(min(score, 100) / 10))] += 1 }
        return (0..<10).reversed().map { band -> (label: String, count: Int) in
            let low = band * 10
            return (band == 9 ? "90–100" : "\(low)–\(low + 9)", counts[band])
        }
    }

    /// Mean changes of a mentee's ratings (each −4…4) counted in bands, the most growth first.
    static func growthBands(_ changes: [Double]) -> [(label: String, count: Int)] {
        let bands: [(label: String, holds: (Double) -> Bool)] = [
            ("grew 2 or more", { $0 >= 2 }), ("grew 1 to under 2", { $0 >= 1 && $0 < 2 }), ("grew under 1", { $0 > 0 && $0 < 1 }),
            ("no change", { $0 == 0 }), ("fell under 1", { $0 < 0 && $0 > -1 }), ("fell 1 or more", { $0 <= -1 }),
        ]
        return bands.map { band in (band.label, changes.filter { $0.isFinite && band.holds($0) }.count) }
    }

    /// The charts' tables as one: a line per band of the funnel, of each distribution and of the
    /// early endings by reason.
    public static let distributionsCSVHeader = ["chart", "key", "band", "count"]

    public var distributionsCSVRows: [[String]] {
        let funnel = Distribution(key: "funnel", title: "Mentees from applying to \(completedMentees == nil ? "meeting" : "completing")",
                                  bands: self.funnel.map { Distribution.Band(label: $0.stage, count: $0.count) })
        let endings = Distribution(key: "early-endings", title: "Relationships ended early, by reason",
                                   bands: earlyEndings.map { Distribution.Band(label: $0.reason, count: $0.count) })
        return ([funnel] + distributions + [endings]).flatMap { chart in chart.bands.map { [chart.title, chart.key, $0.label, String($0.count)] } }
    }
}
