import Foundation
import MatchingSolvers

/// Whole-cohort matching (PRODUCT.md M4–M7): scores every admissible pair, solves the assignment
/// exactly around any locked pairs, and explains the result.
public enum MatchPlanner {
    /// Scores on the solver's integer scale: cost = (100 − score) × 100, so 0.01 points count.
    static let scale = 100.0

    /// Plans a cycle: mentees with mentors (one-to-one, group, reverse, distance) by exact
    /// assignment, or peers from one pool by general matching.
    public static func plan(_ request: MatchRequest) throws -> MatchPlan {
        guard request.format != .speed else {
            throw MatchingError("speed mentoring is scheduled in rounds at an event, not paired for a whole cycle")
        }
        if request.format == .peer { return try PeerPlanner.plan(request) }
        let judge = try judge(request)
        let mentees = judge.mentees, mentors = judge.mentors
        // The seed orders the mentees, which decides between equally good plans.
        var random = SeededGenerator(seed: request.seed)
        let keys = mentees.enrolments.map(\.id.description)
        let order = (0..<mentees.count).sorted { keys[$0] < keys[$1] }.shuffled(using: &random)

        // Hand-made pairs first: they must exist and pass the hard rules, and they use up capacity.
        let menteeIndex = Dictionary(uniqueKeysWithValues: mentees.enrolments.enumerated().map { ($1.id, $0) })
        let mentorIndex = Dictionary(uniqueKeysWithValues: mentors.enrolments.enumerated().map { ($1.id, $0) })
        var capacities = mentors.capacity.map(Int.init)
        var lockedMentees: [Int: Int] = [:]
        for pair in request.locked {
            guard let mentee = menteeIndex[pair.mentee] else { throw NotFound("mentee enrolment in this cycle", pair.mentee) }
            guard let mentor = mentorIndex[pair.mentor] else { throw NotFound("mentor enrolment in this cycle", pair.mentor) }
            let (menteeName, mentorName) = (mentees.people[mentee].name, mentors.people[mentor].name)
            guard lockedMentees[mentee] == nil else { throw MatchingError("\(menteeName) is locked to two mentors; keep one") }
            let broken = judge.brokenRules(mentee, mentor).rules
            guard broken.isEmpty else {
                throw MatchingError("\(menteeName) and \(mentorName) can't be paired: \(broken.map { "\($0.rawValue) (\($0.explanation))" }.joined(separator: "; "))")
            }
            guard capacities[mentor] > 0 else { throw MatchingError("\(mentorName) has no capacity left for \(menteeName)") }
            capacities[mentor] -= 1
            lockedMentees[mentee] = mentor
        }

        // The rest: a cost for every admissible pair; each excluded pair counts against its rules.
        let free = order.filter { lockedMentees[$0] == nil && !request.leftOut.contains(mentees.enrolments[$0].id) }
        let columns = mentors.count
        let (values, admissiblePairs, ruleCounts) = costs(free, columns: columns, judge: judge)
        var excluded: [HardRule: Int] = [:]
        for (index, rule) in HardRule.allCases.enumerated() where ruleCounts[index] > 0 { excluded[rule] = ruleCounts[index] }
        let (certificate, mentorOfRow) = try request.format == .group && !request.fairness && free.count >= 2 && free.count <= GroupPlanner.largest
            ? GroupPlanner.form(values, free: free, capacities: capacities, goals: mentees.enrolments.map { Set($0.profile.developmentGoals.map(\.competency)) })
            : certified(try solve(values, mentees: free.count, capacities: capacities, fairness: request.fairness), fairness: request.fairness)

        var proposals: [MatchPlan.Proposal] = []
        func propose(_ mentee: Int, _ mentor: Int, locked: Bool) {
            proposals.append(MatchPlan.Proposal(
                mentee: mentees.enrolments[mentee].id, mentor: mentors.enrolments[mentor].id,
                menteeName: mentees.people[mentee].name, mentorName: mentors.people[mentor].name,
                score: judge.score(mentee, mentor), locked: locked))
        }
        for (mentee, mentor) in lockedMentees.sorted(by: { $0.key < $1.key }) { propose(mentee, mentor, locked: true) }
        var unmatched: [MatchPlan.Unmatched] = order.filter { lockedMentees[$0] == nil && request.leftOut.contains(mentees.enrolments[$0].id) }.map {
            MatchPlan.Unmatched(mentee: mentees.enrolments[$0].id, menteeName: mentees.people[$0].name, reason: .leftOut, excludedBy: [:])
        }
        for (row, mentee) in free.enumerated() {
            if let mentor = mentorOfRow[row] {
                propose(mentee, mentor, locked: false)
                continue
            }
            let hasAdmissible = (0..<columns).contains { values[row * columns + $0] != DenseCosts.forbidden }
            var counts: [HardRule: Int] = [:]
            if !hasAdmissible {
                for mentor in 0..<columns {
                    for rule in judge.brokenRules(mentee, mentor).rules { counts[rule, default: 0] += 1 }
                }
            }
            unmatched.append(MatchPlan.Unmatched(
                mentee: mentees.enrolments[mentee].id, menteeName: mentees.people[mentee].name,
                reason: hasAdmissible ? .admissibleMentorsFull : .noAdmissibleMentor, excludedBy: counts))
        }
        return MatchPlan(
            cycle: request.cycle, proposals: proposals, unmatched: unmatched, mentees: mentees.count, mentors: mentors.count,
            matched: proposals.count, admissiblePairs: admissiblePairs, excludedPairs: excluded,
            certificate: certificate, seed: request.seed)
    }

    /// The certificate of an assignment, and each mentee's mentor.
    static func certified(_ solved: (Assignment, [Int?]), fairness: Bool) -> (MatchPlan.Certificate, [Int?]) {
        let (assignment, mentorOf) = solved
        return (MatchPlan.Certificate(solver: fairness ? "fair capacitated assignment" : "capacitated assignment",
                                      optimal: assignment.optimal, gap: assignment.gap, objective: assignment.totalCost), mentorOf)
    }

    /// The solver's cost for every (free mentee, mentor) pair, forbidden where a hard rule
    /// excludes it; how many pairs are admissible; how many pairs each rule excluded. Scoring is
    /// most of a large plan's time, so rows are scored in parallel, a share per core.
    ///
    /// With a matching priority, the pairs of a mentee outside its groups cost its points more:
    /// the same for all of one mentee's pairs, it changes nothing among matched mentees' mentors,
    /// only who is matched when places are short.
    static func costs(_ free: [Int], columns: Int, judge: PairJudge) -> (values: [Int32], admissible: Int, ruleCounts: [Int]) {
        let rules = HardRule.allCases.count
        let penalty = priorityPenalty(judge)
        let shares = max(1, min(ProcessInfo.processInfo.activeProcessorCount, free.count / 64))
        var values = [Int32](repeating: DenseCosts.forbidden, count: free.count * columns)
        var tallies = [Int](repeating: 0, count: shares * (rules + 1))
        values.withUnsafeMutableBufferPointer { valueBuffer in
            tallies.withUnsafeMutableBufferPointer { tallyBuffer in
                // Each share writes its own rows and its own tallies: no two touch the same memory.
                nonisolated(unsafe) let values = valueBuffer, tallies = tallyBuffer
                DispatchQueue.concurrentPerform(iterations: shares) { share in
                    let tally = share * (rules + 1)
                    let totals = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, columns))
                    let marks = UnsafeMutableBufferPointer<PairMark>.allocate(capacity: max(1, columns))
                    marks.initialize(repeating: [])
                    defer { totals.deallocate(); marks.deallocate() }
                    for row in (share * free.count / shares)..<((share + 1) * free.count / shares) {
                        let mentee = free[row]
                        judge.totals(mentee, into: totals)
                        judge.mark(mentee, in: marks)
                        defer { judge.mark(mentee, in: marks, clear: true) }
                        for mentor in 0..<columns {
                            let broken = judge.brokenRules(mentee, mentor, marked: marks[mentor])
                            if broken.isEmpty {
                                tallies[tally + rules] += 1
                                // The judge took only settings in range, so the total is within 0…100.
                                values[row * columns + mentor] = Int32(((100 - totals[mentor]) * scale).rounded()) + (penalty.isEmpty ? 0 : penalty[mentee])
                            } else {
                                for (index, rule) in HardRule.allCases.enumerated() where broken.contains(HardRules(rule)) { tallies[tally + index] += 1 }
                            }
                        }
                    }
                }
            }
        }
        let sums = (0...rules).map { index in (0..<shares).reduce(0) { $0 + tallies[$1 * (rules + 1) + index] } }
        return (values, sums[rules], Array(sums[..<rules]))
    }

    /// Each mentee's added cost under the programme's matching priority (none without one). The
    /// judge took only settings in range, so the points are 1…30 and the costs stay far below the
    /// solver's "forbidden".
    static func priorityPenalty(_ judge: PairJudge) -> [Int32] {
        guard let priority = judge.settings.priority(for: judge.format) else { return [] }
        let extra = Int32(clamping: min(max(priority.points, 0), MenteePriority.points.upperBound)) * Int32(scale)
        return judge.mentees.people.map { priority.includes($0.demographics) ? 0 : extra }
    }

    /// The mentees of `request` a matching priority prefers (none without one).
    static func prioritised(in request: MatchRequest) -> Set<Enrolment.ID> {
        guard let priority = request.settings.priority(for: request.format) else { return [] }
        let people = Dictionary(request.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(request.enrolments.filter { $0.role == .mentee && people[$0.personID].map { priority.includes($0.demographics) } == true }.map(\.id))
    }

    /// Solves mentees (rows of `values`) against mentors with `capacities`; returns the solver's
    /// answer and each mentee's mentor. With more mentees than places the mentors become the rows
    /// (each taking up to its capacity) and the mentees the columns, so that every search ends at a
    /// free mentee instead of proving, for each surplus mentee, that it is better left out.
    static func solve(_ values: [Int32], mentees: Int, capacities: [Int], fairness: Bool) throws -> (Assignment, [Int?]) {
        let mentors = capacities.count
        if fairness {
            let assignment = try FairAssignment.solve(DenseCosts(rows: mentees, columns: mentors, values: values), capacities: capacities).assignment
            return (assignment, assignment.columnOfRow)
        }
        guard mentees > capacities.reduce(0, +) else {
            // Hard rules often leave senior mentors unable to fill every place, where a column-reduction
            // start would fail its certificate and be repeated; the plain start avoids the wasted run.
            let assignment = try CapacitatedAssignment.solve(DenseCosts(rows: mentees, columns: mentors, values: values),
                                                             capacities: capacities, start: .plain)
            return (assignment, assignment.columnOfRow)
        }
        let transposed = transpose(values, rows: mentees, columns: mentors)
        let assignment = try CapacitatedAssignment.solve(DenseCosts(rows: mentors, columns: mentees, values: transposed),
                                                         capacities: [Int](repeating: 1, count: mentees), rowCapacities: capacities, start: .plain)
        var mentorOf = [Int?](repeating: nil, count: mentees)
        for (mentor, taken) in assignment.columnsOfRow.enumerated() { for mentee in taken { mentorOf[mentee] = mentor } }
        return (assignment, mentorOf)
    }

    /// `values` (rows × columns) as columns × rows, in tiles small enough for the cache: a plain
    /// double loop misses the cache on nearly every write of a large matrix.
    static func transpose(_ values: [Int32], rows: Int, columns: Int) -> [Int32] {
        let tile = 64
        return [Int32](unsafeUninitializedCapacity: values.count) { out, count in
            values.withUnsafeBufferPointer { input in
                for rowStart in stride(from: 0, to: rows, by: tile) {
                    for columnStart in stride(from: 0, to: columns, by: tile) {
                        for row in rowStart..<min(rows, rowStart + tile) {
                            for column in columnStart..<min(columns, columnStart + tile) {
                                out[column * rows + row] = input[row * columns + column]
                            }
                        }
                    }
                }
            }
            count = values.count
        }
    }

    /// The judge of a request's pairs, over its cohort.
    static func judge(_ request: MatchRequest) throws -> PairJudge {
        try PairJudge(format: request.format, settings: request.settings,
                      cohort: Cohort(enrolments: request.enrolments, people: request.people, managers: request.managers, now: request.now),
                      conflicts: request.conflicts, previousPairs: request.excludedPairs, untrainedMentors: request.untrainedMentors, relaxed: request.relaxed)
    }

    /// Why a pair scores as it does, or which hard rules exclude it.
    public static func explain(mentee: Enrolment.ID, mentor: Enrolment.ID, in request: MatchRequest) throws -> PairExplanation {
        let judge = try judge(request)
        guard let a = judge.mentees.enrolments.firstIndex(where: { $0.id == mentee }) else { throw NotFound("mentee enrolment in this cycle", mentee) }
        guard let b = judge.mentors.enrolments.firstIndex(where: { $0.id == mentor }) else { throw NotFound("mentor enrolment in this cycle", mentor) }
        let broken = judge.brokenRules(a, b).rules
        return PairExplanation(brokenRules: broken, score: broken.isEmpty ? judge.score(a, b) : nil)
    }
}

extension MatchPlanner {
    /// One mentee against every mentor of the request: each pair's broken rules or score.
    public static func explainAll(mentee: Enrolment.ID, in request: MatchRequest) throws -> [(mentor: Enrolment.ID, explanation: PairExplanation)] {
        let judge = try judge(request)
        guard let a = judge.mentees.enrolments.firstIndex(where: { $0.id == mentee }) else { throw NotFound("mentee enrolment in this cycle", mentee) }
        return judge.mentors.enrolments.indices.map { b in
            let broken = judge.brokenRules(a, b).rules
            return (judge.mentors.enrolments[b].id, PairExplanation(brokenRules: broken, score: broken.isEmpty ? judge.score(a, b) : nil))
        }
    }
}

/// A pair's explanation: the rules that exclude it, or its score and breakdown.
public struct PairExplanation: Sendable, Equatable, Codable {
    public let brokenRules: [HardRule]
    public let score: PairScore?
}
