/// The answer of a matching run: proposed pairs with their scores and reasons, who is left
/// unmatched and why, statistics, and the solver's proof. Nothing is stored until it is published.
public struct MatchPlan: Sendable, Equatable, Codable {
    /// A proposed pair.
    public struct Proposal: Sendable, Equatable, Codable {
        public let mentee: Enrolment.ID
        public let mentor: Enrolment.ID
        public let menteeName: String
        public let mentorName: String
        public let score: PairScore
        /// Made by hand and kept while the rest was optimised.
        public let locked: Bool
    }

    /// A mentee without a mentor, and why.
    public struct Unmatched: Sendable, Equatable, Codable {
        public enum Reason: String, Sendable, Codable {
            /// Every mentor is ruled out by a hard rule.
            case noAdmissibleMentor = "no-admissible-mentor"
            /// Some mentors would do, but all of them are full.
            case admissibleMentorsFull = "admissible-mentors-full"
            /// The manager took the mentee out of this plan.
            case leftOut = "left-out"
            /// Peer circles: no circle had room for them without someone they are excluded with.
            case noCircle = "no-circle"
        }
        public let mentee: Enrolment.ID
        public let menteeName: String
        public let reason: Reason
        /// For `noAdmissibleMentor`: how many mentors each rule excluded.
        public let excludedBy: [HardRule: Int]

        /// The reason in words.
        public var explanation: String {
            switch reason {
            case .admissibleMentorsFull: return "every mentor who would suit is already full"
            case .leftOut: return "left out of this plan by the programme manager"
            case .noCircle: return "no peer circle of three or more could take them without a hard rule broken"
            case .noAdmissibleMentor:
                let rules = excludedBy.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) (\($0.value))" }.joined(separator: ", ")
                return "no mentor passes the hard rules: \(rules)"
            }
        }
    }

    /// Coverage and score figures.
    public struct Statistics: Sendable, Equatable, Codable {
        public let mentees: Int
        public let mentors: Int
        public let matched: Int
        /// Matched mentees ÷ mentees.
        public let coverage: Double
        public let meanScore: Double
        public let minimumScore: Double
        /// Admissible (mentee, mentor) pairs, out of all pairs.
        public let admissiblePairs: Int
        public let excludedPairs: [HardRule: Int]
    }

    /// The solver's report: optimality is claimed only when its dual certificate was checked.
    public struct Certificate: Sendable, Equatable, Codable {
        public let solver: String
        public let optimal: Bool
        /// Gap between the plan's objective and the dual bound; zero when optimal, -1 when the
        /// solver proves optimality by its conditions rather than by a bound (general matching) and they failed.
        public let gap: Int64
        public let objective: Int64
    }

    public let cycle: Cycle.ID
    public let proposals: [Proposal]
    public let unmatched: [Unmatched]
    public let statistics: Statistics
    public let certificate: Certificate
    public let seed: UInt64
}

extension MatchPlan {
    /// A plan from its parts: proposals and unmatched sorted by name, statistics computed.
    /// `matched` counts matched participants (mentees, or people in peer pairs).
    init(cycle: Cycle.ID, proposals: [Proposal], unmatched: [Unmatched], mentees: Int, mentors: Int, matched: Int,
         admissiblePairs: Int, excludedPairs: [HardRule: Int], certificate: Certificate, seed: UInt64) {
        let scores = proposals.map(\.score.total)
        self.init(
            cycle: cycle,
            proposals: proposals.sorted { ($0.menteeName, $0.mentee.description) < ($1.menteeName, $1.mentee.description) },
            unmatched: unmatched.sorted { ($0.menteeName, $0.mentee.description) < ($1.menteeName, $1.mentee.description) },
            statistics: Statistics(
                mentees: mentees, mentors: mentors, matched: matched, coverage: mentees == 0 ? 0 : Double(matched) / Double(mentees),
                meanScore: scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count), minimumScore: scores.min() ?? 0,
                admissiblePairs: admissiblePairs, excludedPairs: excludedPairs),
            certificate: certificate, seed: seed)
    }
}
