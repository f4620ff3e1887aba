import MatchingSolvers

/// Peer matching: equals pair up from one pool. A pair's weight is the mean of its two directed
/// scores and both directions must pass the hard rules; the pairing is a general (non-bipartite)
/// maximum-weight matching with as many pairs as possible first.
enum PeerPlanner {
    static func plan(_ request: MatchRequest) throws -> MatchPlan {
        let pool = try PeerPool(request)
        if let size = request.settings.peerCircleSize { return try PeerCircles.plan(request, pool: pool, size: size) }
        let (members, count) = (pool.members, pool.count)

        var locked: [Int: Int] = [:]
        for pair in request.locked {
            guard let a = pool.index(of: pair.mentee, in: request), let b = pool.index(of: pair.mentor, in: request) else {
                throw NotFound("enrolment in this cycle", "\(pair.mentee) or \(pair.mentor)")
            }
            let broken = pool.broken(a, b).rules
            guard broken.isEmpty, a != b else {
                throw MatchingError("\(members.people[a].name) and \(members.people[b].name) can't be paired: \(broken.map(\.rawValue).joined(separator: ", "))")
            }
            guard locked[a] == nil, locked[b] == nil else { throw MatchingError("\(members.people[a].name) or \(members.people[b].name) is locked twice; keep one pair") }
            locked[a] = b
            locked[b] = a
        }

        var edges: [GeneralMatching.Edge] = []
        var ruleCounts: [HardRule: Int] = [:]
        var hasPartner = [Bool](repeating: false, count: count)
        for a in 0..<count where locked[a] == nil && !pool.leftOut.contains(a) {
            for b in (a + 1)..<max(a + 1, count) where locked[b] == nil && !pool.leftOut.contains(b) {
                let broken = pool.broken(a, b)
                if broken.isEmpty {
                    let weight = pool.weight(a, b)
                    edges.append(GeneralMatching.Edge(a, b, Int64((weight * MatchPlanner.scale).rounded()) + 1))
                    hasPartner[a] = true
                    hasPartner[b] = true
                } else {
                    for rule in broken.rules { ruleCounts[rule, default: 0] += 1 }
                }
            }
        }
        let result = GeneralMatching.solve(vertices: count, edges: edges, maximumCardinality: true)
        var proposals: [MatchPlan.Proposal] = []
        var unmatched: [MatchPlan.Unmatched] = []
        for a in 0..<count {
            if let b = locked[a] ?? result.mates[a] {
                guard a < b else { continue }
                proposals.append(MatchPlan.Proposal(
                    mentee: members.enrolments[a].id, mentor: members.enrolments[b].id,
                    menteeName: members.people[a].name, mentorName: members.people[b].name,
                    score: pool.score(a, b), locked: locked[a] != nil))
            } else if pool.leftOut.contains(a) {
                unmatched.append(MatchPlan.Unmatched(mentee: members.enrolments[a].id, menteeName: members.people[a].name, reason: .leftOut, excludedBy: [:]))
            } else {
                var counts: [HardRule: Int] = [:]
                if !hasPartner[a] {
                    for b in 0..<count where b != a { for rule in pool.broken(a, b).rules { counts[rule, default: 0] += 1 } }
                }
                unmatched.append(MatchPlan.Unmatched(mentee: members.enrolments[a].id, menteeName: members.people[a].name,
                                                     reason: hasPartner[a] ? .admissibleMentorsFull : .noAdmissibleMentor, excludedBy: counts))
            }
        }
        return MatchPlan(
            cycle: request.cycle, proposals: proposals, unmatched: unmatched, mentees: count, mentors: count,
            matched: proposals.count * 2, admissiblePairs: edges.count, excludedPairs: ruleCounts,
            certificate: MatchPlan.Certificate(solver: "general maximum-weight matching (blossom)", optimal: result.optimal,
                                               gap: result.optimal ? 0 : -1, objective: GeneralMatching.weight(of: result.mates, edges: edges)),
            seed: request.seed)
    }
}
