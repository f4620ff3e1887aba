import MatchingSolvers

/// Peer circles: the pool in circles of about `size` (3–5), every two members of a circle passing
/// the hard rules both ways. Each circle forms around a convener — the peers best connected to the
/// rest (by admissible pair weight) convene, and a manager's locked pair makes its "mentor" one;
/// members join by an exact assignment on their fit with the convener, then a local search moves
/// and swaps members while the circles' total pair weight rises (`GroupFormation`). Not proven
/// optimal over all partitions: the certificate says so.
enum PeerCircles {
    static func plan(_ request: MatchRequest, pool: PeerPool, size: Int) throws -> MatchPlan {
        let count = pool.count
        let present = (0..<count).filter { !pool.leftOut.contains($0) }
        var locked: [Int: Int] = [:]
        for pair in request.locked {
            guard let member = pool.index(of: pair.mentee, in: request), let convener = pool.index(of: pair.mentor, in: request) else {
                throw NotFound("enrolment in this cycle", "\(pair.mentee) or \(pair.mentor)")
            }
            let broken = pool.broken(member, convener).rules
            guard broken.isEmpty, member != convener else {
                throw MatchingError("\(pool.members.people[member].name) can't join \(pool.members.people[convener].name)'s circle: \(broken.map(\.rawValue).joined(separator: ", "))")
            }
            locked[member] = convener
        }
        let sizes = circleSizes(present.count, preferred: size)
        // Conveners: the locked ones, then the best connected, as many as there are circles.
        let connection = Dictionary(uniqueKeysWithValues: present.map { a in
            (a, present.reduce(0.0) { total, b in b != a && pool.broken(a, b).isEmpty ? total + pool.weight(a, b) : total })
        })
        var conveners: [Int] = []
        for convener in locked.values.sorted() where !conveners.contains(convener) { conveners.append(convener) }
        guard conveners.count <= sizes.count, locked.keys.allSatisfy({ !conveners.contains($0) }) else {
            throw MatchingError("the locked circles ask for more conveners than there are circles (\(sizes.count)), or a convener is locked as a member")
        }
        for candidate in present.sorted(by: { (connection[$0]!, $1) > (connection[$1]!, $0) }) where conveners.count < sizes.count && locked[candidate] == nil {
            if !conveners.contains(candidate) { conveners.append(candidate) }
        }
        let joiners = present.filter { !conveners.contains($0) }
        let scale = { (weight: Double) in Int32((weight * 10_000).rounded()) }
        let fit: [[Int32?]] = joiners.map { member in
            conveners.map { convener in
                if let only = locked[member], only != convener { return nil }
                return pool.broken(member, convener).isEmpty ? scale(pool.weight(member, convener)) : nil
            }
        }
        // A pair that breaks a rule weighs far below any gain, so the search parts them.
        let affinity: [[Int32]] = joiners.map { a in joiners.map { b in a == b ? 0 : pool.broken(a, b).isEmpty ? scale(pool.weight(a, b)) : -10_000_000 } }
        let formed = try GroupFormation.form(fit: fit, affinity: affinity, groupSizes: sizes.map { $0 - 1 })

        var circles = conveners.map { [$0] }
        for (index, member) in joiners.enumerated() {
            guard let circle = formed.mentorOfMentee[index] else { continue }
            // Joins only if no one already in the circle is excluded with them.
            if circles[circle].allSatisfy({ pool.broken(member, $0).isEmpty }) { circles[circle].append(member) }
        }
        // A circle needs three; a smaller one is left unformed and its people reported.
        let formedCircles = circles.filter { $0.count >= 3 }
        let placed = Set(formedCircles.joined())
        var proposals: [MatchPlan.Proposal] = []
        for circle in formedCircles {
            let convener = circle[0]
            for member in circle.dropFirst() {
                proposals.append(MatchPlan.Proposal(
                    mentee: pool.members.enrolments[member].id, mentor: pool.members.enrolments[convener].id,
                    menteeName: pool.members.people[member].name, mentorName: pool.members.people[convener].name,
                    score: circleScore(member, in: circle, pool), locked: locked[member] != nil))
            }
        }
        let unmatched = (0..<count).filter { !placed.contains($0) }.map { a in
            MatchPlan.Unmatched(mentee: pool.members.enrolments[a].id, menteeName: pool.members.people[a].name,
                                reason: pool.leftOut.contains(a) ? .leftOut : .noCircle, excludedBy: [:])
        }
        var admissible = 0, excluded: [HardRule: Int] = [:]
        for a in present { for b in present where b > a {
            let broken = pool.broken(a, b)
            if broken.isEmpty { admissible += 1 } else { for rule in broken.rules { excluded[rule, default: 0] += 1 } }
        } }
        return MatchPlan(
            cycle: request.cycle, proposals: proposals, unmatched: unmatched, mentees: count, mentors: formedCircles.count,
            matched: placed.count, admissiblePairs: admissible, excludedPairs: excluded,
            certificate: MatchPlan.Certificate(solver: "peer circles (conveners by connection, exact assignment, local search)", optimal: false,
                                               gap: -1, objective: formed.objectiveAfter),
            seed: request.seed)
    }

    /// Circle sizes from 3 to 5 adding up to `people` (as near `preferred` as the count allows);
    /// none when fewer than three.
    static func circleSizes(_ people: Int, preferred: Int) -> [Int] {
        guard people >= 3 else { return [] }
        var circles = max(1, Int((Double(people) / Double(preferred)).rounded()))
        while (people + circles - 1) / circles > 5 { circles += 1 }
        while circles > 1 && people / circles < 3 { circles -= 1 }
        return (0..<circles).map { people / circles + ($0 < people % circles ? 1 : 0) }
    }

    /// A member's score in their circle: the mean of their pair scores with everyone else in it.
    private static func circleScore(_ member: Int, in circle: [Int], _ pool: PeerPool) -> PairScore {
        let scores = circle.filter { $0 != member }.map { pool.score(member, $0) }
        let n = Double(scores.count)
        return PairScore(total: scores.reduce(0) { $0 + $1.total } / n,
                         breakdown: scores.reduce(into: [:]) { sum, score in sum.merge(score.breakdown) { $0 + $1 } }.mapValues { $0 / n })
    }
}
