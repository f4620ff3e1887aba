import MatchingSolvers

/// Peer circles: the pool in circles of about `size` (3–5), every two members of a circle passing
/// the hard rules both ways. Circles grow from the hardest to place first (the peer with the fewest
/// admissible partners left), each time taking the peer admissible with everyone in the circle who
/// adds the most pair weight; a peer left over joins a circle with room that admits them; then
/// swaps between circles are made while they raise the circles' total pair weight. A circle's
/// most senior member convenes it (or the "mentor" of a manager's locked pair). Not proven
/// optimal over all partitions: the certificate says so.
enum PeerCircles {
    static func plan(_ request: MatchRequest, pool: PeerPool, size: Int) throws -> MatchPlan {
        let count = pool.count
        let people = pool.members.people
        var admissible = [[Bool]](repeating: [Bool](repeating: false, count: count), count: count)
        var weight = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        var excluded: [HardRule: Int] = [:], admissiblePairs = 0
        for a in 0..<count where !pool.leftOut.contains(a) {
            for b in (a + 1)..<max(a + 1, count) where !pool.leftOut.contains(b) {
                let broken = pool.broken(a, b)
                if broken.isEmpty {
                    (admissible[a][b], admissible[b][a]) = (true, true)
                    (weight[a][b], weight[b][a]) = (pool.weight(a, b), pool.weight(a, b))
                    admissiblePairs += 1
                } else {
                    for rule in broken.rules { excluded[rule, default: 0] += 1 }
                }
            }
        }
        func fits(_ person: Int, _ circle: [Int]) -> Bool { circle.allSatisfy { admissible[person][$0] } }
        func gain(_ person: Int, _ circle: [Int], except: Int = -1) -> Double {
            circle.reduce(0) { $1 == person || $1 == except ? $0 : $0 + weight[person][$1] }
        }

        // Locked pairs start circles around their "mentor", who convenes.
        var circles: [[Int]] = [], conveners: [Int] = []
        var placed = Set<Int>()
        for pair in request.locked {
            guard let member = pool.index(of: pair.mentee, in: request), let convener = pool.index(of: pair.mentor, in: request) else {
                throw NotFound("enrolment in this cycle", "\(pair.mentee) or \(pair.mentor)")
            }
            let index = conveners.firstIndex(of: convener) ?? { circles.append([convener]); conveners.append(convener); placed.insert(convener); return circles.count - 1 }()
            guard !placed.contains(member), fits(member, circles[index]), circles[index].count < 5 else {
                throw MatchingError("\(people[member].name) can't join \(people[convener].name)'s circle: locked twice, a hard rule with someone in it, or the circle is full")
            }
            circles[index].append(member)
            placed.insert(member)
        }
        let present = (0..<count).filter { !pool.leftOut.contains($0) }
        var unplaced = Set(present).subtracting(placed)
        func partners(_ a: Int) -> Int { unplaced.reduce(0) { admissible[a][$1] ? $0 + 1 : $0 } }
        // Circles grow, the hardest to place first.
        var stranded: [Int] = []
        while let seed = unplaced.min(by: { (partners($0), $0) < (partners($1), $1) }) {
            unplaced.remove(seed)
            var circle = [seed]
            while circle.count < size, let next = unplaced.filter({ fits($0, circle) }).max(by: { (gain($0, circle), -$0) < (gain($1, circle), -$1) }) {
                circle.append(next)
                unplaced.remove(next)
            }
            if circle.count >= 3 { circles.append(circle); conveners.append(-1) } else { stranded += circle }
        }
        // Circles still short of three take in the stranded, and the stranded join circles with room.
        for person in stranded.sorted() {
            if let index = circles.indices.filter({ circles[$0].count < 5 && fits(person, circles[$0]) }).max(by: { gain(person, circles[$0]) < gain(person, circles[$1]) }) {
                circles[index].append(person)
            }
        }
        // Swaps between circles while they raise the total weight and keep every circle admissible.
        let fixed = Set(conveners.filter { $0 >= 0 }).union(request.locked.compactMap { pool.index(of: $0.mentee, in: request) })
        for _ in 0..<20 {
            var improved = false
            for i in circles.indices { for j in circles.indices where j > i {
                for a in circles[i] where !fixed.contains(a) { for b in circles[j] where !fixed.contains(b) {
                    let without = (circles[i].filter { $0 != a }, circles[j].filter { $0 != b })
                    guard fits(b, without.0), fits(a, without.1),
                          gain(b, without.0) + gain(a, without.1) > gain(a, without.0) + gain(b, without.1) + 1e-9 else { continue }
                    circles[i] = without.0 + [b]
                    circles[j] = without.1 + [a]
                    improved = true
                } }
            } }
            if !improved { break }
        }

        var proposals: [MatchPlan.Proposal] = []
        for (index, circle) in circles.enumerated() {
            let convener = conveners[index] >= 0 ? conveners[index] : circle.max { (people[$0].level, -$0) < (people[$1].level, -$1) }!
            for member in circle where member != convener {
                proposals.append(MatchPlan.Proposal(
                    mentee: pool.members.enrolments[member].id, mentor: pool.members.enrolments[convener].id,
                    menteeName: people[member].name, mentorName: people[convener].name,
                    score: circleScore(member, in: circle, pool), locked: conveners[index] >= 0))
            }
        }
        let inCircles = Set(circles.joined())
        let unmatched = (0..<count).filter { !inCircles.contains($0) }.map { a in
            MatchPlan.Unmatched(mentee: pool.members.enrolments[a].id, menteeName: people[a].name,
                                reason: pool.leftOut.contains(a) ? .leftOut : .noCircle, excludedBy: [:])
        }
        let total = circles.reduce(0.0) { sum, circle in sum + circle.reduce(0.0) { $0 + gain($1, circle) } / 2 }
        return MatchPlan(
            cycle: request.cycle, proposals: proposals, unmatched: unmatched, mentees: count, mentors: circles.count,
            matched: inCircles.count, admissiblePairs: admissiblePairs, excludedPairs: excluded,
            certificate: MatchPlan.Certificate(solver: "peer circles (hardest first, then swaps between circles)", optimal: false,
                                               gap: -1, objective: Int64((total * MatchPlanner.scale).rounded())),
            seed: request.seed)
    }

    /// A member's score in their circle: the mean of their pair scores with everyone else in it.
    private static func circleScore(_ member: Int, in circle: [Int], _ pool: PeerPool) -> PairScore {
        let scores = circle.filter { $0 != member }.map { pool.score(member, $0) }
        let n = Double(scores.count)
        return PairScore(total: scores.reduce(0) { $0 + $1.total } / n,
                         breakdown: scores.reduce(into: [:]) { sum, score in sum.merge(score.breakdown) { $0 + $1 } }.mapValues { $0 / n })
    }
}
