/// Peers of one pool, each once: skills from their mentor enrolment, goals from their mentee one;
/// a pair must pass the hard rules both ways.
struct PeerPool {
    let judge: PairJudge
    let members: CohortSide
    let indexOf: [Person.ID: Int]
    var count: Int { members.count }
    /// Those the manager left out of the plan.
    let leftOut: Set<Int>

    init(_ request: MatchRequest) throws {
        var byPerson: [Person.ID: Enrolment] = [:]
        for enrolment in request.enrolments.sorted(by: { $0.role == .mentee && $1.role == .mentor }) {
            if var merged = byPerson[enrolment.personID] {
                if enrolment.role == .mentor { merged.profile.skills = enrolment.profile.skills } else { merged.profile.developmentGoals = enrolment.profile.developmentGoals }
                byPerson[enrolment.personID] = merged
            } else {
                byPerson[enrolment.personID] = enrolment
            }
        }
        let pool = byPerson.values.sorted { $0.id.description < $1.id.description }
        func side(_ role: EnrolmentRole) -> [Enrolment] {
            pool.map { var copy = $0; copy.role = role; copy.profile.capacity = role == .mentor ? 1 : nil; return copy }
        }
        let cohort = Cohort(enrolments: side(.mentee) + side(.mentor), people: request.people, managers: request.managers, now: request.now)
        judge = try PairJudge(format: .peer, settings: request.settings, cohort: cohort, conflicts: request.conflicts, previousPairs: request.excludedPairs,
                              untrainedMentors: request.untrainedMentors, relaxed: request.relaxed)
        members = cohort.mentees
        let indexOf = Dictionary(uniqueKeysWithValues: members.enrolments.enumerated().map { ($1.personID, $0) })
        self.indexOf = indexOf
        // Left out by any of the person's enrolments.
        leftOut = Set(request.enrolments.filter { request.leftOut.contains($0.id) }.compactMap { indexOf[$0.personID] })
    }

    /// The rules a pair breaks, either way round.
    func broken(_ a: Int, _ b: Int) -> HardRules { judge.brokenRules(a, b).union(judge.brokenRules(b, a)) }

    /// The pair's weight: the mean of its two directed totals.
    func weight(_ a: Int, _ b: Int) -> Double { (judge.total(a, b) + judge.total(b, a)) / 2 }

    /// The pair's score, both directions averaged criterion by criterion.
    func score(_ a: Int, _ b: Int) -> PairScore { PairScore.mean([judge.score(a, b), judge.score(b, a)]) }

    /// The pool index of an enrolment's person.
    func index(of enrolment: Enrolment.ID, in request: MatchRequest) -> Int? {
        request.enrolments.first { $0.id == enrolment }.flatMap { indexOf[$0.personID] }
    }
}
