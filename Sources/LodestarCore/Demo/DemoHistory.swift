import Foundation

/// The demo programme's completed earlier cycle, "2026 pilot": pairs of the demo's own people
/// who met fortnightly for six months, rated their meetings, answered the fit check and the
/// end-of-cycle survey, rated their growth, earned milestones, certificates and kudos, and told
/// a story — so every feedback and recognition page has data on first start. The demo's mentor
/// and mentee took part in it, each with someone else.
struct DemoHistory {
    let cycle: Cycle
    var enrolments: [Enrolment] = []
    var relationships: [Relationship] = []
    var agreements: [Agreement] = []
    var meetings: [HeldMeeting] = []
    var pulses: [MeetingPulse] = []
    var goals: [Goal] = []
    var assessments: [CompetencyAssessment] = []
    var survey: Survey?
    var responses: [SurveyResponse] = []
    var milestones: [Milestone] = []
    var certificates: [Certificate] = []
    var kudos: [Kudos] = []
    var story: SuccessStory?

    /// Writes the pilot cycle and everything in it.
    func save(in store: any LodestarRepositories) async throws {
        try await store.save(cycle)
        try await store.save(all: enrolments)
        try await store.insert(relationships)
        for agreement in agreements { try await store.save(agreement) }
        for meeting in meetings { try await store.save(meeting) }
        for pulse in pulses { try await store.save(pulse) }
        for goal in goals { try await store.save(goal) }
        for assessment in assessments { try await store.save(assessment) }
        if let survey { try await store.save(survey) }
        for response in responses { try await store.save(response) }
        for milestone in milestones { _ = try await store.claim(milestone) }
        for certificate in certificates { try await store.save(certificate) }
        for thanks in kudos { try await store.save(thanks) }
        if let story { try await store.save(story) }
    }

    /// How many pairs the pilot had: twelve in an organisation of up to 2,000 people, then one for
    /// every ten people, so that a large demo's dashboards read a large completed cycle.
    static func pairs(in size: Int) -> Int { size < 2_000 ? 12 : size / 10 }

    init(_ demo: DemoOrganisation, endSurvey: SurveyTemplate?, _ random: inout SeededGenerator, now: Date) {
        let day: TimeInterval = 86400
        let start = Calendar(identifier: .gregorian).startOfDay(for: now.addingTimeInterval(-240 * day)), end = start.addingTimeInterval(182 * day)
        cycle = Cycle(id: Cycle.ID(random.uuid()), programmeID: demo.programme.id, number: 0, name: "2026 pilot", state: .closed,
                      dates: CycleDates(applicationsClose: start.addingTimeInterval(-21 * day), matching: start.addingTimeInterval(-7 * day), start: start, end: end))
        // The demo's first mentors and mentees by person id (its sign-ins the first of each, as `DemoAccounts` picks them).
        func first(_ role: EnrolmentRole) -> ArraySlice<Enrolment> {
            demo.enrolments.filter { $0.role == role }.sorted { $0.personID.uuid.uuidString < $1.personID.uuid.uuidString }.prefix(Self.pairs(in: demo.people.count))
        }
        // Each mentor with the next one's mentee: the demo's sign-ins took part, each with someone
        // else, so the current cycle can pair them afresh.
        let mentors = first(.mentor), mentees = first(.mentee)
        for (index, (mentor, mentee)) in zip(mentors, mentees.dropFirst() + mentees.prefix(1)).enumerated() {
            let pastMentor = Enrolment(id: Enrolment.ID(random.uuid()), cycleID: cycle.id, personID: mentor.personID, role: .mentor, profile: mentor.profile)
            let pastMentee = Enrolment(id: Enrolment.ID(random.uuid()), cycleID: cycle.id, personID: mentee.personID, role: .mentee, profile: mentee.profile)
            enrolments += [pastMentor, pastMentee]
            pair(index, pastMentor, pastMentee, demo.programme, start: start, end: end, &random)
        }
        if let endSurvey { answerSurvey(endSurvey, closing: end, &random) }
        recognise(demo.programme, end: end, &random)
    }

    /// One pair's six months: the agreement, meetings with pulses and the fit check, goals, growth.
    /// Pair 3 (and every fortieth after it) stops meeting early and ends, "not a fit"; pair 7 (and
    /// every fortieth after it) meets rarely.
    private mutating func pair(_ index: Int, _ mentor: Enrolment, _ mentee: Enrolment, _ programme: Programme, start: Date, end: Date, _ random: inout SeededGenerator) {
        let day: TimeInterval = 86400
        let poorFit = index % 40 == 3, rare = index % 40 == 7
        var relationship = Relationship(id: Relationship.ID(random.uuid()), cycleID: cycle.id, mentor: mentor.id, mentee: mentee.id, mentorPerson: mentor.personID,
                                        menteePerson: mentee.personID, score: Double(Int.random(in: 62...91, using: &random)), startedAt: start)
        let signed = start.addingTimeInterval(6 * day)
        agreements.append(Agreement(relationshipID: relationship.id, version: 1, terms: Agreement.Terms(
            expectations: "Honest feedback, prepared meetings, and a push when it is needed.", goals: "Grow as a leader: delegate more, decide faster.",
            timeFrame: "Six months, to the end of the pilot.", cadence: "Every other week, an hour, mostly online.",
            confidentiality: "What we discuss stays between us unless we agree otherwise.", ending: "A closing conversation on what changed and what is next."),
            editedBy: mentee.personID, editedAt: start.addingTimeInterval(3 * day), signatures: [mentor.personID: signed, mentee.personID: signed]))
        let count = poorFit ? 2 : rare ? 4 : 9 + index % 4
        for number in 0..<count {
            // Spread over the six months (the rare pair: every forty days, and not since mid-cycle).
            let heldOn = start.addingTimeInterval((10 + Double(number) * (rare ? 40 : 170 / Double(count))) * day)
            let meeting = HeldMeeting(id: HeldMeeting.ID(random.uuid()), relationshipID: relationship.id, heldOn: heldOn, minutes: [45, 60, 60, 75][number % 4],
                                      mode: number % 3 == 0 ? .inPerson : .virtual, loggedBy: number % 2 == 0 ? mentee.personID : mentor.personID)
            meetings.append(meeting)
            for (person, isMentee) in [(mentee.personID, true), (mentor.personID, false)] {
                let rating = poorFit ? 2 : min(5, max(3, 4 + Int.random(in: -1...1, using: &random) + (number > 3 ? 1 : 0) - (rare ? 1 : 0)))
                // The fit check after the first meeting, asked again after the next when "not sure".
                let fit: FitAnswer? = number == 0 ? (poorFit ? .poor : index == 5 && isMentee ? .unsure : .good) : number == 1 && index == 5 && isMentee ? .good : nil
                let comment = number == count - 1 && isMentee && !poorFit ? "Our best conversation yet: a clear plan for the next quarter." : poorFit && isMentee ? "We talk past each other." : ""
                pulses.append(MeetingPulse(meetingID: meeting.id, relationshipID: relationship.id, personID: person, rating: rating, comment: comment,
                                           commentShared: !comment.isEmpty && !poorFit, fit: fit, givenAt: heldOn.addingTimeInterval(3600)))
            }
        }
        if poorFit {
            relationship.endedAt = start.addingTimeInterval(40 * day)
            relationship.endReason = "Not a fit: different expectations of how to work together; re-matched by hand."
        }
        relationships.append(relationship)
        let competencies = programme.focusCompetencies
        let first = Goal(id: Goal.ID(random.uuid()), relationshipID: relationship.id, title: "Delegate the weekly planning to the team", measure: "The team runs planning for a month without me",
                         competency: "delegation", due: start.addingTimeInterval(90 * day), progress: 0, editedBy: mentee.personID, editedAt: start.addingTimeInterval(12 * day))
        var reached = first
        reached.version = 2
        reached.progress = poorFit ? 20 : 100
        reached.state = poorFit || rare ? .open : .achieved
        reached.stateNote = reached.state == .achieved ? "The team has run planning since week ten." : ""
        reached.editedAt = start.addingTimeInterval(95 * day)
        let second = Goal(id: Goal.ID(random.uuid()), relationshipID: relationship.id, title: "Present the strategy update to the leadership team",
                          measure: "Presented, with questions answered", competency: "communication", due: end, progress: rare ? 30 : 70,
                          editedBy: mentor.personID, editedAt: start.addingTimeInterval(60 * day))
        goals += [first, reached, second]
        // Growth: the mentee at the start and the end, the mentor at the end.
        var begin: [String: Int] = [:], finish: [String: Int] = [:], seen: [String: Int] = [:]
        for slug in competencies {
            let from = Int.random(in: 2...3, using: &random)
            begin[slug] = from
            finish[slug] = min(5, from + (poorFit ? 0 : Int.random(in: 0...2, using: &random)))
            seen[slug] = min(5, (finish[slug] ?? from) + Int.random(in: -1...0, using: &random))
        }
        assessments.append(CompetencyAssessment(cycleID: cycle.id, menteeID: mentee.personID, raterID: mentee.personID, perspective: .mentee, moment: .start,
                                                ratings: begin, note: "Where I start.", givenAt: start.addingTimeInterval(5 * day)))
        guard !poorFit else { return }
        assessments.append(CompetencyAssessment(cycleID: cycle.id, menteeID: mentee.personID, raterID: mentee.personID, perspective: .mentee, moment: .end,
                                                ratings: finish, note: "More confident handing work over.", givenAt: end.addingTimeInterval(-5 * day)))
        assessments.append(CompetencyAssessment(cycleID: cycle.id, menteeID: mentee.personID, raterID: mentor.personID, perspective: .mentor, moment: .end,
                                                ratings: seen, note: "", givenAt: end.addingTimeInterval(-4 * day)))
    }
}
