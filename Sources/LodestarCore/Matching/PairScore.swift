/// How well a mentee and a mentor fit: the total (0–100) and each criterion's part.
public struct PairScore: Sendable, Equatable, Codable {
    public let total: Double
    /// Each criterion's score, 0…1, before weighting.
    public let breakdown: [MatchCriterion: Double]
    /// Each criterion's points in the total: its score times its share of the weights, × 100; they sum to the total.
    public let contribution: [MatchCriterion: Double]

    /// A criterion's part in a score, for explanations.
    public struct Part: Sendable, Equatable {
        public let criterion: MatchCriterion
        /// The criterion's score, 0…1.
        public let value: Double
        /// Its points in the total.
        public let points: Double
        /// The part in words, e.g. "goal-skill-fit: 80 % fit, 32.0 points".
        public var summary: String {
            "\(criterion.rawValue): \(Int((value * 100).rounded())) % fit, \(points.written(decimals: 1)) points"
        }
    }

    /// The criteria, the largest weighted contribution first (ties in the criteria's order, so
    /// every reading agrees): a heavily weighted goal fit leads a lightly weighted perfect match.
    public var strongestFirst: [Part] {
        breakdown.map { Part(criterion: $0.key, value: $0.value, points: contribution[$0.key] ?? 0) }
            .sorted { ($0.points, $1.criterion.rawValue) > ($1.points, $0.criterion.rawValue) }
    }

    /// The mean of scores, criterion by criterion (a peer pair's two directions, a member's pairs in a circle).
    static func mean(_ scores: [PairScore]) -> PairScore {
        let count = Double(scores.count)
        func mean(_ part: KeyPath<PairScore, [MatchCriterion: Double]>) -> [MatchCriterion: Double] {
            scores.reduce(into: [:]) { sum, score in sum.merge(score[keyPath: part], uniquingKeysWith: +) }.mapValues { $0 / count }
        }
        return PairScore(total: scores.reduce(0) { $0 + $1.total } / count, breakdown: mean(\.breakdown), contribution: mean(\.contribution))
    }
}

/// Scores pairs and applies the hard rules, for one format and one programme's settings, on a
/// cohort prepared for it. Pairs are (mentee index, mentor index).
struct PairJudge: Sendable {
    let format: MentoringFormat
    let settings: MatchingSettings
    let mentees: CohortSide
    let mentors: CohortSide
    /// Declared conflicts and the pairs rotation excludes (the request decides which), by person
    /// number: whom each person may not be paired with, and why.
    private let pairedAgainst: [Int32: [(person: Int32, rule: PairMark)]]
    /// Mentor indices by person number.
    private let mentorsOfPerson: [Int32: [Int]]
    /// By mentor index: not trained while the programme asks for it (empty when it doesn't).
    private let untrained: [Bool]
    private let weights: [(MatchCriterion, Double)]
    private let weightTotal: Double
    /// Rules this run leaves out (a what-if): a pair breaking only these is admissible.
    private let relaxed: HardRules

    /// Settings out of range (stored by an older version, say) are refused here, where every
    /// scoring path passes, before any arithmetic on them.
    init(format: MentoringFormat, settings: MatchingSettings, cohort: Cohort, conflicts: Set<PersonPair>, previousPairs: Set<PersonPair>,
         untrainedMentors: Set<Person.ID> = [], relaxed: HardRules = []) throws(ValidationError) {
        _ = try settings.checked()
        self.format = format
        self.settings = settings
        mentees = cohort.mentees
        mentors = cohort.mentors
        var numbers: [Person.ID: Int32] = [:]
        for side in [cohort.mentees, cohort.mentors] {
            for (i, person) in side.people.enumerated() { numbers[person.id] = side.personIndex[i] }
        }
        var against: [Int32: [(person: Int32, rule: PairMark)]] = [:]
        for (pairs, mark) in [(conflicts, PairMark.conflict), (previousPairs, .previous)] {
            for pair in pairs {
                guard let a = numbers[pair.first], let b = numbers[pair.second] else { continue }
                against[a, default: []].append((b, mark))
                against[b, default: []].append((a, mark))
            }
        }
        pairedAgainst = against
        mentorsOfPerson = Dictionary(grouping: cohort.mentors.personIndex.indices, by: { cohort.mentors.personIndex[$0] })
        untrained = settings.requiresMentorTraining && !untrainedMentors.isEmpty ? cohort.mentors.people.map { untrainedMentors.contains($0.id) } : []
        weights = MatchCriterion.allCases.map { ($0, settings.weights[$0]) }.filter { $0.1 > 0 }
        weightTotal = weights.reduce(0) { $0 + $1.1 }
        // Capacity and the same person are facts, not choices: they are never relaxed.
        self.relaxed = relaxed.subtracting([HardRules(.capacity), HardRules(.samePerson)])
    }

    /// Every hard rule the pair breaks; empty when the pair is admissible.
    func brokenRules(_ i: Int, _ j: Int) -> HardRules {
        let mentor = mentors.personIndex[j]
        let marked = (pairedAgainst[mentees.personIndex[i]] ?? []).reduce(into: PairMark()) { if $1.person == mentor { $0.insert($1.rule) } }
        return brokenRules(i, j, marked: marked)
    }

    /// The mentors mentee `i` may not meet for a declared conflict or an earlier pairing, marked
    /// in `marks` (one per mentor, all empty before); `clear: true` empties them again. A row's
    /// few such mentors are looked up once, not every pair.
    func mark(_ i: Int, in marks: UnsafeMutableBufferPointer<PairMark>, clear: Bool = false) {
        for (person, mark) in pairedAgainst[mentees.personIndex[i]] ?? [] {
            for j in mentorsOfPerson[person] ?? [] { marks[j] = clear ? [] : marks[j].union(mark) }
        }
    }

    /// Every hard rule the pair breaks, its conflict and earlier pairing already known.
    func brokenRules(_ i: Int, _ j: Int, marked: PairMark) -> HardRules {
        var rules: HardRules = []
        if mentors.capacity[j] <= 0 { rules.insert(HardRules(.capacity)) }
        let a = mentees.personIndex[i], b = mentors.personIndex[j]
        if a == b { rules.insert(HardRules(.samePerson)) }
        if Self.manages(mentors, j, mentees, i) || Self.manages(mentees, i, mentors, j) { rules.insert(HardRules(.reportingLine)) }
        if marked.contains(.conflict) { rules.insert(HardRules(.declaredConflict)) }
        if !seniorityAllowed(mentees.level[i], mentors.level[j]) { rules.insert(HardRules(.seniority)) }
        if mentees.languages.common(i, mentors.languages, j) == 0 { rules.insert(HardRules(.sharedLanguage)) }
        if format == .distance {
            let virtual = mentees.meetingMode[i] != .inPerson && mentors.meetingMode[j] != .inPerson
            if !virtual || mentees.availability.common(i, mentors.availability, j) * 15 < settings.minimumWeeklyOverlap { rules.insert(HardRules(.distance)) }
        }
        if marked.contains(.previous) { rules.insert(HardRules(.rotation)) }
        if !untrained.isEmpty && untrained[j] { rules.insert(HardRules(.mentorTraining)) }
        return rules.subtracting(relaxed)
    }

    /// The weighted score of an admissible pair, with each criterion's part.
    func score(_ i: Int, _ j: Int) -> PairScore {
        var breakdown: [MatchCriterion: Double] = [:], contribution: [MatchCriterion: Double] = [:]
        var total = 0.0
        for (criterion, weight) in weights {
            let value = part(criterion, i, j)
            breakdown[criterion] = value
            contribution[criterion] = weightTotal > 0 ? 100 * weight * value / weightTotal : 0
            total += weight * value
        }
        return PairScore(total: weightTotal > 0 ? 100 * total / weightTotal : 0, breakdown: breakdown, contribution: contribution)
    }

    /// The total alone, for the solver's cost matrix.
    func total(_ i: Int, _ j: Int) -> Double {
        var total = 0.0
        for (criterion, weight) in weights { total += weight * part(criterion, i, j) }
        return weightTotal > 0 ? 100 * total / weightTotal : 0
    }

    /// Mentee `i`'s total against every mentor, into `totals` (one per mentor): criterion by
    /// criterion over all mentors, so each criterion's test is made once per row, not per pair.
    /// The sums are added in the order `total` adds them, so each equals it to the last bit.
    func totals(_ i: Int, into totals: UnsafeMutableBufferPointer<Double>) {
        let mentorCount = mentors.count
        for j in 0..<mentorCount { totals[j] = 0 }
        for (criterion, weight) in weights {
            switch criterion {
            case .goalSkillFit:
                goalFits(i) { j, value in totals[j] += weight * value }
            case .seniorityGap:
                let level = mentees.level[i]
                for j in 0..<mentorCount { totals[j] += weight * Self.seniorityValue(gap: Double(mentors.level[j] - level), format) }
            case .sharedInterests:
                let occupied = mentees.interests.occupiedWords(of: i)
                for j in 0..<mentorCount {
                    totals[j] += weight * Self.interestsValue(mentees.interests.common(i, mentors.interests, j, occupied: occupied), i, j, mentees, mentors)
                }
            case .communicationStyle:
                let style = mentees.style[i]
                for j in 0..<mentorCount { totals[j] += weight * Self.styleValue(style, mentors.style[j]) }
            case .learningPreference:
                let learning = mentees.learning[i]
                for j in 0..<mentorCount { totals[j] += weight * Self.learningValue(learning, mentors.learning[j]) }
            case .availabilityOverlap:
                let occupied = mentees.availability.occupiedWords(of: i)
                for j in 0..<mentorCount { totals[j] += weight * Self.overlapValue(mentees.availability.common(i, mentors.availability, j, occupied: occupied)) }
            case .location:
                let (mode, location) = (mentees.meetingMode[i], mentees.location[i])
                for j in 0..<mentorCount { totals[j] += weight * Self.locationValue(mode, location, mentors.meetingMode[j], mentors.location[j]) }
            case .crossDepartment:
                let department = mentees.department[i]
                for j in 0..<mentorCount { totals[j] += weight * Self.departmentValue(department, mentors.department[j]) }
            }
        }
        for j in 0..<mentorCount { totals[j] = weightTotal > 0 ? 100 * totals[j] / weightTotal : 0 }
    }

    /// Mentee `i`'s goal fit against every mentor, handed to `use` mentor by mentor: goal by goal
    /// over all mentors (one run of memory each), each mentor's sum added in the goals' order as
    /// `part` adds it, so the two agree to the last bit.
    @inline(__always) private func goalFits(_ i: Int, _ use: (Int, Double) -> Void) {
        let mentorCount = mentors.count, goals = Int(mentees.goalStart[i])..<Int(mentees.goalStart[i + 1])
        let wanted = goals.reduce(0.0) { $0 + mentees.goalWeight[$1] }
        guard wanted > 0 else {
            for j in 0..<mentorCount { use(j, 0.5) }
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, mentorCount)) { got in
            got.initialize(repeating: 0)
            mentors.proficiency.withUnsafeBufferPointer { proficiency in
                for goal in goals {
                    let weight = mentees.goalWeight[goal], competency = Int(mentees.goalCompetency[goal])
                    guard competency < mentors.competencyCount else { continue }
                    let run = competency * mentorCount
                    for j in 0..<mentorCount { got[j] += weight * Double(proficiency[run + j]) / 5 }
                }
            }
            for j in 0..<mentorCount { use(j, got[j] / wanted) }
        }
    }

    @inline(__always) private func part(_ criterion: MatchCriterion, _ i: Int, _ j: Int) -> Double {
        switch criterion {
        case .goalSkillFit:
            var got = 0.0, wanted = 0.0
            for goal in Int(mentees.goalStart[i])..<Int(mentees.goalStart[i + 1]) {
                let weight = mentees.goalWeight[goal]
                wanted += weight
                let competency = Int(mentees.goalCompetency[goal])
                if competency < mentors.competencyCount { got += weight * Double(mentors.proficiency[competency * mentors.count + j]) / 5 }
            }
            return wanted > 0 ? got / wanted : 0.5
        case .seniorityGap:
            return Self.seniorityValue(gap: Double(mentors.level[j] - mentees.level[i]), format)
        case .sharedInterests:
            return Self.interestsValue(mentees.interests.common(i, mentors.interests, j), i, j, mentees, mentors)
        case .communicationStyle:
            return Self.styleValue(mentees.style[i], mentors.style[j])
        case .learningPreference:
            return Self.learningValue(mentees.learning[i], mentors.learning[j])
        case .availabilityOverlap:
            return Self.overlapValue(mentees.availability.common(i, mentors.availability, j))
        case .location:
            return Self.locationValue(mentees.meetingMode[i], mentees.location[i], mentors.meetingMode[j], mentors.location[j])
        case .crossDepartment:
            return Self.departmentValue(mentees.department[i], mentors.department[j])
        }
    }

    /// A level gap's fit: peers close in level, a mentor some three levels above (reverse: below).
    @inline(__always) private static func seniorityValue(gap: Double, _ format: MentoringFormat) -> Double {
        switch format {
        case .peer: max(0, 1 - abs(gap) / 2)
        case .reverse: max(0, 1 - abs(-gap - 3) / 6)
        default: max(0, 1 - abs(gap - 3) / 6)
        }
    }

    /// Where either meets in person, the same known location 1, else 0; both virtual 1.
    @inline(__always) private static func locationValue(_ menteeMode: MeetingMode, _ menteeLocation: Int32, _ mentorMode: MeetingMode, _ mentorLocation: Int32) -> Double {
        guard menteeMode == .inPerson || mentorMode == .inPerson else { return 1 }
        return menteeLocation >= 0 && menteeLocation == mentorLocation ? 1 : 0
    }

    /// Another department 1 (the pair widens the mentee's reach), the same 0.
    @inline(__always) private static func departmentValue(_ a: Int32, _ b: Int32) -> Double { a == b ? 0 : 1 }

    /// Same communication style 1, different 0.3, either unknown 0.5.
    @inline(__always) private static func styleValue(_ a: Int8, _ b: Int8) -> Double { a < 0 || b < 0 ? 0.5 : (a == b ? 1 : 0.3) }

    /// Same learning preference 1, different 0.4, either unknown 0.5.
    @inline(__always) private static func learningValue(_ a: Int8, _ b: Int8) -> Double { a < 0 || b < 0 ? 0.5 : (a == b ? 1 : 0.4) }

    /// Shared interests over all the pair's interests (Jaccard), from how many they share.
    @inline(__always) private static func interestsValue(_ shared: Int, _ i: Int, _ j: Int, _ mentees: CohortSide, _ mentors: CohortSide) -> Double {
        let union = Int(mentees.interests.counts[i] + mentors.interests.counts[j]) - shared
        return union > 0 ? Double(shared) / Double(union) : 0
    }

    /// Weekly time in common, full at two hours, from the quarter-hours shared.
    @inline(__always) private static func overlapValue(_ quarterHours: Int) -> Double {
        min(1, Double(quarterHours * 15) / 120)
    }

    private func seniorityAllowed(_ menteeLevel: Int32, _ mentorLevel: Int32) -> Bool {
        let gap = Int(mentorLevel - menteeLevel)
        switch format {
        case .peer: return abs(gap) <= 1
        case .reverse: return gap < 0
        default: return gap >= settings.minimumLevelGap && gap <= settings.maximumLevelGap
        }
    }

    /// True when participant `a` of `aSide` is above `b` of `bSide` in the manager tree.
    @inline(__always) private static func manages(_ aSide: CohortSide, _ a: Int, _ bSide: CohortSide, _ b: Int) -> Bool {
        aSide.entry[a] >= 0 && bSide.entry[b] > aSide.entry[a] && bSide.entry[b] < aSide.exit[a]
    }
}

/// Why two people may not be paired, apart from the rules read off the cohort: a declared
/// conflict, an earlier pairing.
struct PairMark: OptionSet, Sendable {
    let rawValue: UInt8
    static let conflict = PairMark(rawValue: 1)
    static let previous = PairMark(rawValue: 2)
}

/// Two people, in no particular order: a declared conflict or an earlier pairing.
public struct PersonPair: Hashable, Sendable, Codable {
    public let first: Person.ID
    public let second: Person.ID
    /// The pair of `a` and `b`, the same whichever comes first.
    public init(_ a: Person.ID, _ b: Person.ID) {
        let aFirst = withUnsafeBytes(of: a.uuid.uuid) { x in withUnsafeBytes(of: b.uuid.uuid) { y in x.lexicographicallyPrecedes(y) } }
        (first, second) = aFirst ? (a, b) : (b, a)
    }
}
