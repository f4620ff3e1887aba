import Foundation

/// Whether a programme's mentees stayed and were promoted more than comparable people who never
/// took part. Each cycle is a cohort whose window starts on its first day (or its first match)
/// and lasts a year, or until today when the year has not passed. A mentee is compared with the
/// people of the HR file who were employed that day, never took part in the programme, and share
/// their cohort, level band, department and tenure band (a stratum); the comparison group's rate
/// is weighted by how many mentees each stratum holds (direct standardisation), and the
/// difference comes with a 95 % confidence interval. Mentees with nobody comparable are left
/// out, and counted; below `minimumGroup` on either side there is no figure, only "not enough data".
public struct OutcomeLift: Sendable, Equatable {
    /// One cycle's mentees, the day their window starts, and who took part in the programme (in
    /// any role, in a cycle begun) by the window's end: no one of them stands for a non-participant.
    public struct Cohort: Sendable, Equatable {
        public let start: Date
        public let mentees: Set<Person.ID>
        public let tookPart: Set<Person.ID>
        public init(start: Date, mentees: Set<Person.ID>, tookPart: Set<Person.ID>) {
            self.start = start
            self.mentees = mentees
            self.tookPart = tookPart.union(mentees)
        }
    }

    /// One outcome measured on both groups.
    public struct Measure: Sendable, Equatable {
        public let participants: Int
        public let participantRate: Double
        /// People in the comparison group (one person may stand in several cohorts' groups).
        public let comparison: Int
        /// The comparison group's rate, weighted to the mentees' strata.
        public let comparisonRate: Double
        /// Participants' rate minus the comparison's, with its 95 % confidence interval.
        public let difference: Double
        public let low: Double
        public let high: Double
    }

    /// A measure, or why there is none.
    public enum Finding: Sendable, Equatable {
        case measured(Measure)
        case notEnoughData(participants: Int, comparison: Int)

        public var measure: Measure? {
            if case .measured(let measure) = self { return measure }
            return nil
        }
    }

    /// Share still employed at the window's end.
    public let retention: Finding
    /// Share promoted within the window.
    public let promotion: Finding
    /// Share rated 4 or 5 in their latest performance rating, among the people rated; nil when
    /// the HR outcomes give no ratings.
    public let rating: Finding?
    /// Mentees of the cohorts, each counted once per cohort.
    public let mentees: Int
    /// Mentees the HR file does not list, or lists as gone before their window.
    public let withoutRecord: Int
    /// Mentees whose stratum holds nobody to compare them with.
    public let withoutComparison: Int

    /// What is measured.
    public enum Outcome: String, Sendable, CaseIterable {
        case retention, promotion
        case highRating = "high-rating"
        public var label: String {
            switch self {
            case .retention: "Still employed a year on"
            case .promotion: "Promoted within the year"
            case .highRating: "Rated 4 or 5 (latest rating)"
            }
        }
        /// A word or two, for a chart's bars.
        public var shortLabel: String { self == .highRating ? "rated 4 or 5" : rawValue }
    }

    /// Each outcome with its finding, retention first; the rating only when the HR outcomes give ratings.
    public var findings: [(outcome: Outcome, finding: Finding)] {
        [(.retention, retention), (.promotion, promotion)] + (rating.map { [(.highRating, $0)] } ?? [])
    }

    /// How the comparison is made, in words, for the page, the API and the report.
    public static let method = """
        Each cycle that has begun is a cohort, followed for a year from its first day (or until today, when the year has not passed). \
        A mentee is compared with the people of the HR outcomes who were employed that day and had not taken part in the programme, \
        of the same level band (levels in twos), department and tenure band (under 1, 1–3, 3–5, 5–10, 10 or more years). \
        The comparison group's rate is weighted to how many mentees each such group holds, and the difference comes with a 95 % \
        confidence interval; mentees with nobody comparable are left out and counted. Below \(minimumGroup) people on either side \
        there is no figure. Where the HR outcomes give performance ratings, the share rated 4 or 5 is compared the same way among \
        the people rated; the file keeps only each person's latest rating, undated, so it may predate the programme. This shows association, not cause: people who join a programme may differ in ways the file does not show.
        """

    /// The smallest group, on either side, that yields a figure.
    public static let minimumGroup = 10
    /// How long after its start a cohort is followed.
    public static let window: TimeInterval = 365 * 86_400
    /// The normal quantile of a two-sided 95 % interval.
    static let z95 = 1.959964

    /// The lift of `cohorts` against `workforce`, on `today`.
    public init(cohorts: [Cohort], workforce: [WorkforceMember], today: Date) {
        let byPerson = Dictionary(workforce.map { ($0.outcome.personID, $0) }, uniquingKeysWith: { first, _ in first })
        var strata: [Stratum.Key: Stratum] = [:]
        var mentees = 0, withoutRecord = 0
        for (number, cohort) in cohorts.enumerated() {
            let end = min(cohort.start.addingTimeInterval(Self.window), today)
            guard end > cohort.start else { continue }
            mentees += cohort.mentees.count
            for id in cohort.mentees {
                guard let member = byPerson[id], member.employed(on: cohort.start) else {
                    withoutRecord += 1
                    continue
                }
                strata[Stratum.Key(number, member, on: cohort.start), default: Stratum()].add(member, from: cohort.start, to: end, participant: true)
            }
            for member in workforce where !cohort.tookPart.contains(member.outcome.personID) && member.employed(on: cohort.start) {
                let key = Stratum.Key(number, member, on: cohort.start)
                strata[key]?.add(member, from: cohort.start, to: end, participant: false)
            }
        }
        self.mentees = mentees
        self.withoutRecord = withoutRecord
        withoutComparison = strata.values.filter { $0.comparisons == 0 }.reduce(0) { $0 + $1.participants }
        let all = Array(strata.values)
        retention = Self.finding(all, \.retained)
        promotion = Self.finding(all, \.promoted)
        rating = workforce.contains { $0.outcome.rating != nil } ? Self.finding(all, \.ratedHigh, among: \.rated) : nil
    }

    /// The standardised difference of `outcome` among the people counted by `among`, over the strata
    /// where the comparison group has some, or not enough data.
    static func finding(_ strata: [Stratum], _ outcome: KeyPath<Stratum.Counts, Int>, among: KeyPath<Stratum.Counts, Int> = \.people) -> Finding {
        let strata = strata.filter { $0.comparison[keyPath: among] > 0 }
        let participants = strata.reduce(0) { $0 + $1.participant[keyPath: among] }
        let comparison = strata.reduce(0) { $0 + $1.comparison[keyPath: among] }
        guard participants >= minimumGroup, comparison >= minimumGroup else {
            return .notEnoughData(participants: participants, comparison: comparison)
        }
        let total = Double(participants)
        let participantRate = Double(strata.reduce(0) { $0 + $1.participant[keyPath: outcome] }) / total
        var comparisonRate = 0.0, comparisonVariance = 0.0
        for stratum in strata {
            let weight = Double(stratum.participant[keyPath: among]) / total
            let rate = Double(stratum.comparison[keyPath: outcome]) / Double(stratum.comparison[keyPath: among])
            comparisonRate += weight * rate
            comparisonVariance += weight * weight * rate * (1 - rate) / Double(stratum.comparison[keyPath: among])
        }
        let difference = participantRate - comparisonRate
        let half = z95 * (participantRate * (1 - participantRate) / total + comparisonVariance).squareRoot()
        return .measured(Measure(participants: participants, participantRate: participantRate, comparison: comparison,
                                 comparisonRate: comparisonRate, difference: difference, low: difference - half, high: difference + half))
    }

    /// The people of one cohort alike in level band, department and tenure band.
    struct Stratum {
        struct Key: Hashable {
            let cohort: Int
            let levelBand: Int
            let department: String
            let tenureBand: Int

            init(_ cohort: Int, _ member: WorkforceMember, on day: Date) {
                self.cohort = cohort
                levelBand = OutcomeLift.levelBand(member.level)
                department = member.department.lowercased()
                tenureBand = OutcomeLift.tenureBand(member.outcome.hiredOn, on: day)
            }
        }

        struct Counts {
            var people = 0
            var retained = 0
            var promoted = 0
            /// People with a rating, and those rated 4 or 5.
            var rated = 0
            var ratedHigh = 0
        }

        var participant = Counts()
        var comparison = Counts()
        var participants: Int { participant.people }
        var comparisons: Int { comparison.people }

        mutating func add(_ member: WorkforceMember, from start: Date, to end: Date, participant isParticipant: Bool) {
            var counts = isParticipant ? participant : comparison
            counts.people += 1
            if member.outcome.leftOn.map({ $0 > end }) ?? true { counts.retained += 1 }
            if let promoted = member.outcome.promotedOn, promoted > start, promoted <= end { counts.promoted += 1 }
            if let rating = member.outcome.rating {
                counts.rated += 1
                if rating >= 4 { counts.ratedHigh += 1 }
            }
            if isParticipant { participant = counts } else { comparison = counts }
        }
    }

    /// Levels in bands of two: 1–2, 3–4, …
    public static func levelBand(_ level: Int) -> Int { max(0, level - 1) / 2 }

    /// Tenure on `day` in bands: under 1 year, 1–3, 3–5, 5–10, 10 or more; -1 when the hire day is unknown.
    public static func tenureBand(_ hired: Date?, on day: Date) -> Int {
        guard let hired else { return -1 }
        let years = day.timeIntervalSince(hired) / (365.25 * 86_400)
        return [1.0, 3, 5, 10].firstIndex { years < $0 } ?? 4
    }
}

extension WorkforceMember {
    /// True when the person had joined (or joined on an unknown day) and not yet left on `day`.
    func employed(on day: Date) -> Bool {
        (outcome.hiredOn.map { $0 <= day } ?? true) && (outcome.leftOn.map { $0 > day } ?? true)
    }
}

extension OutcomeLift {
    /// The lift as a table: a line per outcome, shares in percent, the difference in points.
    public static let csvHeader = ["outcome", "enough data", "mentees", "mentees' rate (%)", "comparable people", "their rate (%)",
                                   "difference (points)", "95 % interval, low", "95 % interval, high"]

    public var csvRows: [[String]] {
        findings.map { outcome, finding in
            func percent(_ share: Double) -> String { (share * 100).written(decimals: 1) }
            switch finding {
            case .measured(let m):
                return [outcome.rawValue, "yes", String(m.participants), percent(m.participantRate), String(m.comparison), percent(m.comparisonRate),
                        percent(m.difference), percent(m.low), percent(m.high)]
            case .notEnoughData(let participants, let comparison):
                return [outcome.rawValue, "no", String(participants), "", String(comparison), "", "", "", ""]
            }
        }
    }
}
