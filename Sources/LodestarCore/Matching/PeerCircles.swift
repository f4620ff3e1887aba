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
                    let pair = pool.weight(a, b)
                    (admissible[a][b], admissible[b][a]) = (true, true)
                    (weight[a][b], weight[b][a]) = (pair, pair)
                    admissiblePairs += 1
                } else {
                    for rule in broken.rules { excluded[rule, default: 0] += 1 }
                }
            }
        }
        func fits(_ person: Int, _ circle: [Int]) -> Bool { circle.allSatisfy { admissible[person][$0] } }
        /// What `person` adds to `circle`: their pair weights with the others in it.
        func gain(_ person: Int, _ circle: [Int]) -> Double {
            circle.reduce(0) { $1 == person ? $0 : $0 + weight[person][$1] }
        }

        // Locked pairs start circles around their "mentor", who convenes (nil: the most senior will).
        var circles: [[Int]] = [], conveners: [Int?] = []
        var placed = Set<Int>()
        for pair in request.locked {
            guard let member = pool.index(of: pair.mentee, in: request), let convener = pool.index(of: pair.mentor, in: request) else {
                throw NotFound("enrolment in this cycle", "\(pair.mentee) or \(pair.mentor)")
            }
            var index = conveners.firstIndex(of: convener)
            if index == nil && !placed.contains(convener) {
                circles.append([convener])
                conveners.append(convener)
                placed.insert(convener)
                index = circles.count - 1
            }
            guard let index, !placed.contains(member), fits(member, circles[index]), circles[index].count < 5 else {
                throw MatchingError("\(people[member].name) can't join \(people[convener].name)'s circle: locked twice, a hard rule with someone in it, or the circle is full")
            }
            circles[index].append(member)
            placed.insert(member)
        }
        let present = (0..<count).filter { !pool.leftOut.contains($0) }
        var unplaced = Set(present).subtracting(placed)
        // Admissible partners not yet placed, kept up to date as people are placed.
        var partners = (0..<count).map { a in unplaced.reduce(0) { admissible[a][$1] ? $0 + 1 : $0 } }
        func place(_ person: Int) {
            unplaced.remove(person)
            for other in 0..<count where admissible[person][other] { partners[other] -= 1 }
        }
        // Circles grow, the hardest to place first.
        var stranded: [Int] = []
        while let seed = unplaced.min(by: { (partners[$0], $0) < (partners[$1], $1) }) {
            place(seed)
            var circle = [seed]
            while circle.count < size, let next = unplaced.filter({ fits($0, circle) }).max(by: { (gain($0, circle), -$0) < (gain($1, circle), -$1) }) {
                circle.append(next)
                place(next)
            }
            if circle.count >= 3 { circles.append(circle); conveners.append(nil) } else { stranded += circle }
        }
        // Those who formed no circle of three join a circle with room that admits them.
        for person in stranded.sorted() {
            if let index = circles.indices.filter({ circles[$0].count < 5 && fits(person, circles[$0]) }).max(by: { gain(person, circles[$0]) < gain(person, circles[$1]) }) {
                circles[index].append(person)
            }
        }
        // Swaps between circles while they raise the total weight and keep every circle admissible.
        let fixed = placed
        /// The first swap of a member of circle `i` with one of circle `j` that raises the total.
        func improvingSwap(_ i: Int, _ j: Int) -> (a: Int, b: Int)? {
            for a in circles[i] where !fixed.contains(a) {
                let restOfI = circles[i].filter { $0 != a }
                for b in circles[j] where !fixed.contains(b) {
                    let restOfJ = circles[j].filter { $0 != b }
                    if fits(b, restOfI), fits(a, restOfJ), gain(b, restOfI) + gain(a, restOfJ) > gain(a, restOfI) + gain(b, restOfJ) + 1e-9 { return (a, b) }
                }
            }
            return nil
        }
        for _ in 0..<20 {
            var improved = false
            for i in circles.indices {
                for j in circles.indices where j > i {
                    while let (a, b) = improvingSwap(i, j) {
                        circles[i] = circles[i].filter { $0 != a } + [b]
                        circles[j] = circles[j].filter { $0 != b } + [a]
                        improved = true
                    }
                }
            }
            if !improved { break }
        }

        var proposals: [MatchPlan.Proposal] = []
        for (index, circle) in circles.enumerated() {
            let convener = conveners[index] ?? circle.max { (people[$0].level, -$0) < (people[$1].level, -$1) }!
            for member in circle where member != convener {
                proposals.append(MatchPlan.Proposal(
                    mentee: pool.members.enrolments[member].id, mentor: pool.members.enrolments[convener].id,
                    menteeName: people[member].name, mentorName: people[convener].name,
                    score: PairScore.mean(circle.filter { $0 != member }.map { pool.score(member, $0) }), locked: conveners[index] != nil))
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
}
